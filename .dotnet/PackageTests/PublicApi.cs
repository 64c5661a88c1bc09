using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace FrameIpc.PackageTests
{
    /// <summary>
    /// The public surface of an assembly as sorted text lines, read by reflection: one line per exported type and per
    /// member a user can reach (public, or protected in a type that can be derived from). Types are written as C#
    /// writes them, so a line reads like the declaration it stands for.
    /// </summary>
    internal static class PublicApi
    {
        private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        public static List<string> Lines(Assembly assembly)
        {
            var lines = new List<string>();
            foreach (var type in assembly.GetExportedTypes())
            {
                lines.Add(TypeLine(type));
                foreach (var member in type.GetMembers(Declared).Where(Visible))
                {
                    string? line = MemberLine(type, member);
                    if (line != null) lines.Add(line);
                }
            }
            lines.Sort(StringComparer.Ordinal);
            return lines;
        }

        /// <summary>Every type the public surface mentions (signatures, bases, constraints), with where it is mentioned.</summary>
        public static IEnumerable<(string Where, Type Type)> Mentions(Assembly assembly)
        {
            foreach (var type in assembly.GetExportedTypes())
            {
                string name = Name(type);
                if (type.BaseType != null) yield return (name + " base", type.BaseType);
                foreach (var i in type.GetInterfaces().Where(i => i.IsVisible)) yield return (name + " interface", i);
                foreach (var g in type.GetGenericArguments())
                    foreach (var c in g.GetGenericParameterConstraints()) yield return (name + " constraint", c);
                foreach (var member in type.GetMembers(Declared).Where(Visible))
                {
                    string where = name + "." + member.Name;
                    switch (member)
                    {
                        case FieldInfo f: yield return (where, f.FieldType); break;
                        case PropertyInfo p:
                            yield return (where, p.PropertyType);
                            foreach (var x in p.GetIndexParameters()) yield return (where, x.ParameterType);
                            break;
                        case EventInfo e: yield return (where, e.EventHandlerType!); break;
                        case MethodBase m:
                            if (m is MethodInfo mi) yield return (where, mi.ReturnType);
                            foreach (var x in m.GetParameters()) yield return (where, x.ParameterType);
                            if (m.IsGenericMethodDefinition)
                                foreach (var g in m.GetGenericArguments())
                                    foreach (var c in g.GetGenericParameterConstraints()) yield return (where + " constraint", c);
                            break;
                    }
                }
            }
        }

        /// <summary>The type and the types it is built from (element, generic arguments), so <c>List&lt;JToken&gt;</c> counts as JToken too.</summary>
        public static IEnumerable<Type> Parts(Type type)
        {
            yield return type;
            if (type.HasElementType)
                foreach (var t in Parts(type.GetElementType()!)) yield return t;
            if (type.IsGenericType && !type.IsGenericTypeDefinition)
                foreach (var a in type.GetGenericArguments())
                    foreach (var t in Parts(a)) yield return t;
        }

        private static bool Visible(MemberInfo member)
        {
            switch (member)
            {
                case MethodBase m: return !m.IsSpecialName || m is ConstructorInfo ? Reachable(m) : m.Name.StartsWith("op_", StringComparison.Ordinal) && Reachable(m);
                case FieldInfo f: return (f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly) && !f.IsSpecialName;
                case PropertyInfo p: return p.GetAccessors(true).Any(Reachable);
                case EventInfo e: return e.AddMethod != null && Reachable(e.AddMethod);
                case Type t: return false; // nested public types are listed as types of their own
                default: return false;
            }
        }

        private static bool Reachable(MethodBase m) =>
            (m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly) && !(m.DeclaringType!.IsSealed && !m.IsPublic);

        private static string TypeLine(Type type)
        {
            string kind;
            if (type.IsEnum) kind = "enum";
            else if (type.IsInterface) kind = "interface";
            else if (typeof(Delegate).IsAssignableFrom(type)) kind = "delegate";
            else if (type.IsValueType) kind = (type.IsDefined(typeof(IsReadOnlyAttribute)) ? "readonly " : "") + "struct";
            else if (type.IsAbstract && type.IsSealed) kind = "static class";
            else kind = (type.IsAbstract ? "abstract " : type.IsSealed ? "sealed " : "") + "class";

            var bases = new List<string>();
            if (type.IsEnum) bases.Add(Name(Enum.GetUnderlyingType(type)));
            else if (!type.IsValueType && type.BaseType != null && type.BaseType != typeof(object) && !typeof(Delegate).IsAssignableFrom(type)) bases.Add(Name(type.BaseType));
            if (!type.IsEnum && !typeof(Delegate).IsAssignableFrom(type))
            {
                var inherited = type.BaseType?.GetInterfaces() ?? Type.EmptyTypes;
                // An internal interface is not part of the surface a user can see or rely on.
                bases.AddRange(type.GetInterfaces().Where(i => !inherited.Contains(i) && i.IsVisible).Select(Name).OrderBy(n => n, StringComparer.Ordinal));
            }
            return $"{Name(type)} ({kind})" + (bases.Count > 0 ? " : " + string.Join(", ", bases) : "");
        }

        private static string? MemberLine(Type type, MemberInfo member)
        {
            string owner = Name(type);
            switch (member)
            {
                case ConstructorInfo c:
                    return $"{owner}.{(c.IsStatic ? "static " : "")}ctor({Parameters(c)})";
                case MethodInfo m:
                    string generic = m.IsGenericMethodDefinition ? "<" + string.Join(", ", m.GetGenericArguments().Select(Name)) + ">" : "";
                    return $"{owner}.{m.Name}{generic}({Parameters(m)}): {Modifiers(m)}{Name(m.ReturnType)}";
                case FieldInfo f when type.IsEnum:
                    return $"{owner}.{f.Name} = {Convert.ToInt64(f.GetRawConstantValue())}";
                case FieldInfo f:
                    string fieldKind = f.IsLiteral ? "const " : f.IsStatic ? (f.IsInitOnly ? "static readonly " : "static ") : f.IsInitOnly ? "readonly " : "";
                    string value = f.IsLiteral ? " = " + Literal(f.GetRawConstantValue()) : "";
                    return $"{owner}.{f.Name}: {fieldKind}{Name(f.FieldType)}{value}";
                case PropertyInfo p:
                    var accessors = new List<string>();
                    if (p.GetMethod != null && Reachable(p.GetMethod)) accessors.Add("get;");
                    if (p.SetMethod != null && Reachable(p.SetMethod)) accessors.Add(p.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Any(t => t.Name == "IsExternalInit") ? "init;" : "set;");
                    var any = (p.GetMethod ?? p.SetMethod)!;
                    string index = p.GetIndexParameters().Length > 0 ? "[" + string.Join(", ", p.GetIndexParameters().Select(Parameter)) + "]" : "";
                    return $"{owner}.{p.Name}{index} {{ {string.Join(" ", accessors)} }}: {Modifiers(any)}{Name(p.PropertyType)}";
                case EventInfo e:
                    return $"{owner}.{e.Name}: {(e.AddMethod!.IsStatic ? "static " : "")}event {Name(e.EventHandlerType!)}";
                default:
                    return null;
            }
        }

        private static string Modifiers(MethodInfo m)
        {
            if (m.IsStatic) return "static ";
            if (m.DeclaringType!.IsInterface) return "";
            if (m.IsAbstract) return "abstract ";
            if (m.IsVirtual && !m.IsFinal) return m.GetBaseDefinition() != m ? "override " : "virtual ";
            return m.IsVirtual && m.GetBaseDefinition() != m ? "override " : "";
        }

        private static string Parameters(MethodBase m) => string.Join(", ", m.GetParameters().Select(Parameter));

        private static string Parameter(ParameterInfo p)
        {
            string prefix = "";
            var type = p.ParameterType;
            if (type.IsByRef)
            {
                prefix = p.IsOut ? "out " : p.IsDefined(typeof(IsReadOnlyAttribute)) ? "in " : "ref ";
                type = type.GetElementType()!;
            }
            else if (p.IsDefined(typeof(ParamArrayAttribute))) prefix = "params ";
            string optional = p.HasDefaultValue ? " = " + Literal(p.RawDefaultValue) : "";
            return $"{prefix}{Name(type)} {p.Name}{optional}";
        }

        private static string Literal(object? value) => value switch
        {
            null => "null",
            string s => "\"" + s + "\"",
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

        private static readonly Dictionary<Type, string> Keywords = new Dictionary<Type, string>
        {
            [typeof(void)] = "void", [typeof(object)] = "object", [typeof(string)] = "string", [typeof(bool)] = "bool",
            [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte", [typeof(char)] = "char", [typeof(short)] = "short",
            [typeof(ushort)] = "ushort", [typeof(int)] = "int", [typeof(uint)] = "uint", [typeof(long)] = "long",
            [typeof(ulong)] = "ulong", [typeof(float)] = "float", [typeof(double)] = "double", [typeof(decimal)] = "decimal",
        };

        /// <summary>A type as C# source names it: keywords, <c>T?</c> for nullable values, generic arguments, the declaring type of a nested type.</summary>
        public static string Name(Type type)
        {
            if (type.IsGenericParameter) return type.Name;
            if (type.IsByRef) return "ref " + Name(type.GetElementType()!);
            if (type.IsArray) return Name(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
            if (type.IsPointer) return Name(type.GetElementType()!) + "*";
            if (Keywords.TryGetValue(type, out var keyword)) return keyword;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Nullable<>)) return Name(type.GetGenericArguments()[0]) + "?";
            string prefix = type.IsNested ? Name(type.DeclaringType!) + "." : (type.Namespace != null ? type.Namespace + "." : "");
            string name = type.Name;
            int tick = name.IndexOf('`');
            if (tick >= 0) name = name.Substring(0, tick);
            if (!type.IsGenericType) return prefix + name;
            var args = type.GetGenericArguments();
            int inherited = type.IsNested ? type.DeclaringType!.GetGenericArguments().Length : 0;
            var own = args.Skip(inherited).ToArray();
            if (type.Namespace == "System" && name == "ValueTuple") return "(" + string.Join(", ", own.Select(Name)) + ")";
            return own.Length == 0 ? prefix + name : prefix + name + "<" + string.Join(", ", own.Select(Name)) + ">";
        }
    }
}
