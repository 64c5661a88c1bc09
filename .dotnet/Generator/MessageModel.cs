using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FrameIpc.Generator
{
    /// <summary>One serialized member, chosen and named as Newtonsoft's default contract resolver with camelCase would.</summary>
    internal sealed class MessageMember
    {
        public MessageMember(ISymbol symbol, ITypeSymbol type, string wireName, bool settable, bool initOnly)
        {
            Symbol = symbol; Type = type; WireName = wireName; Settable = settable; InitOnly = initOnly;
        }

        public ISymbol Symbol { get; }
        public ITypeSymbol Type { get; }
        public string WireName { get; }
        public bool Settable { get; }
        public bool InitOnly { get; }
        public int CtorParameter { get; set; } = -1;
    }

    /// <summary>A marked type: its members in Newtonsoft's order (fields, then properties, most derived first) and how to construct it.</summary>
    internal sealed class MessageModel
    {
        private MessageModel(INamedTypeSymbol type) { Type = type; }

        public INamedTypeSymbol Type { get; }
        public List<MessageMember> Members { get; } = new List<MessageMember>();
        public IMethodSymbol? Constructor { get; private set; }
        public string? Problem { get; private set; }

        public static MessageModel Build(INamedTypeSymbol type, Compilation compilation)
        {
            var model = new MessageModel(type);
            var jsonProperty = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonPropertyAttribute");
            var jsonIgnore = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonIgnoreAttribute");
            var jsonConstructor = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonConstructorAttribute");
            var chain = new List<INamedTypeSymbol>();
            for (var t = type; t != null && t.SpecialType != SpecialType.System_Object && t.SpecialType != SpecialType.System_ValueType; t = t.BaseType) chain.Add(t);

            var names = new HashSet<string>();
            foreach (var t in chain)
                foreach (var f in t.GetMembers().OfType<IFieldSymbol>())
                {
                    if (f.IsStatic || f.IsConst || f.IsImplicitlyDeclared || !names.Add(f.Name)) continue;
                    if (f.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.NonSerializedAttribute") || Has(f, jsonIgnore)) continue;
                    var explicitName = ExplicitName(f, jsonProperty, out bool attributed);
                    if (f.DeclaredAccessibility != Accessibility.Public && !(attributed && Reachable(f.DeclaredAccessibility))) continue;
                    model.Members.Add(new MessageMember(f, f.Type, explicitName ?? CamelCase(f.Name), !f.IsReadOnly, false));
                }
            foreach (var t in chain)
                foreach (var p in t.GetMembers().OfType<IPropertySymbol>())
                {
                    if (p.IsStatic || p.IsIndexer || p.GetMethod == null || !names.Add(p.Name)) continue;
                    if (Has(p, jsonIgnore)) continue;
                    var explicitName = ExplicitName(p, jsonProperty, out bool attributed);
                    bool visible = p.DeclaredAccessibility == Accessibility.Public && p.GetMethod.DeclaredAccessibility == Accessibility.Public;
                    if (!visible && !(attributed && Reachable(p.DeclaredAccessibility) && Reachable(p.GetMethod.DeclaredAccessibility))) continue;
                    var set = p.SetMethod;
                    bool settable = set != null && (set.DeclaredAccessibility == Accessibility.Public || (attributed && Reachable(set.DeclaredAccessibility)));
                    model.Members.Add(new MessageMember(p, p.Type, explicitName ?? CamelCase(p.Name), settable, settable && IsInitOnly(set!)));
                }
            model.ChooseConstructor(jsonConstructor);
            return model;
        }

        private void ChooseConstructor(INamedTypeSymbol? jsonConstructor)
        {
            if (Type.IsValueType)
            {
                // new T(), then members set, as Newtonsoft does for structs; a readonly struct through its one constructor.
                var withParameters = Type.InstanceConstructors.Where(c => c.Parameters.Length > 0 && c.DeclaredAccessibility == Accessibility.Public).ToList();
                var marked = withParameters.FirstOrDefault(c => jsonConstructor != null && Has(c, jsonConstructor));
                if (marked == null && (Members.Any(m => m.Settable) || withParameters.Count != 1)) return;
                MatchParameters(marked ?? withParameters[0]);
                return;
            }
            var ctors = Type.InstanceConstructors.Where(c => Reachable(c.DeclaredAccessibility) && !c.IsImplicitlyDeclared || c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public).ToList();
            // A record's copy constructor is protected, so it never counts here.
            var chosen = ctors.FirstOrDefault(c => jsonConstructor != null && Has(c, jsonConstructor))
                         ?? ctors.FirstOrDefault(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public);
            if (chosen == null)
            {
                var withParameters = ctors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList();
                if (withParameters.Count != 1) { Problem = "constructor"; return; }
                chosen = withParameters[0];
            }
            MatchParameters(chosen);
        }

        private void MatchParameters(IMethodSymbol chosen)
        {
            Constructor = chosen;
            for (int i = 0; i < chosen.Parameters.Length; i++)
            {
                var member = Members.FirstOrDefault(m => m.CtorParameter < 0 && string.Equals(m.Symbol.Name, chosen.Parameters[i].Name, StringComparison.OrdinalIgnoreCase))
                             ?? Members.FirstOrDefault(m => m.CtorParameter < 0 && string.Equals(m.WireName, chosen.Parameters[i].Name, StringComparison.OrdinalIgnoreCase));
                if (member != null) member.CtorParameter = i;
            }
        }

        private static bool Reachable(Accessibility a) =>
            a == Accessibility.Public || a == Accessibility.Internal || a == Accessibility.ProtectedOrInternal;

        private static bool Has(ISymbol symbol, INamedTypeSymbol? attribute) => attribute != null && IpcMessageGenerator.HasAttribute(symbol, attribute);

        private static string? ExplicitName(ISymbol symbol, INamedTypeSymbol? jsonProperty, out bool attributed)
        {
            attributed = false;
            if (jsonProperty == null) return null;
            foreach (var a in symbol.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(a.AttributeClass, jsonProperty)) continue;
                attributed = true;
                foreach (var named in a.NamedArguments) if (named.Key == "PropertyName" && named.Value.Value is string n) return n;
                if (a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string s) return s;
            }
            return null;
        }

        // Roslyn 3.7 (what this builds against) has no IsInitOnly; the compiler that runs the generator (3.8+) does.
        private static bool IsInitOnly(IMethodSymbol setter)
        {
            var property = setter.GetType().GetProperty("IsInitOnly");
            if (property?.GetValue(setter) is bool b) return b;
            return setter.ReturnTypeCustomModifiers.Any(m => m.Modifier.Name == "IsExternalInit");
        }

        /// <summary>Newtonsoft's CamelCaseNamingStrategy: lower the leading run of capitals, keeping the last one of a run that starts a word.</summary>
        public static string CamelCase(string name)
        {
            if (name.Length == 0 || !char.IsUpper(name[0])) return name;
            var chars = name.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (i == 1 && !char.IsUpper(chars[i])) break;
                bool hasNext = i + 1 < chars.Length;
                if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
                {
                    if (char.IsSeparator(chars[i + 1])) chars[i] = char.ToLowerInvariant(chars[i]);
                    break;
                }
                chars[i] = char.ToLowerInvariant(chars[i]);
            }
            return new string(chars);
        }
    }
}
