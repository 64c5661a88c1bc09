#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using Newtonsoft.Json.Serialization;

namespace FrameIpc.Editor
{
    /// <summary>
    /// Maps C# payload types to TypeScript as they cross the wire with FrameIPC's default JSON conventions: numbers,
    /// strings, booleans, tagged bytes (Uint8Array) and dates (Date), arrays, string-keyed dictionaries, enums as their
    /// numbers, Unity value types as plain objects, and classes and structs as interfaces with camelCase members (an
    /// explicit [JsonProperty("name")] wins; [JsonIgnore] members are left out). It collects the interfaces it names.
    /// </summary>
    internal sealed class TypeScriptTypeMapper
    {
        private static readonly Dictionary<string, string> Known = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["System.Int32"] = "number", ["System.Int64"] = "number", ["System.Int16"] = "number", ["System.Byte"] = "number",
            ["System.SByte"] = "number", ["System.UInt32"] = "number", ["System.UInt64"] = "number", ["System.UInt16"] = "number",
            ["System.Single"] = "number", ["System.Double"] = "number", ["System.Decimal"] = "number",
            ["System.String"] = "string", ["System.Char"] = "string", ["System.Guid"] = "string", ["System.Boolean"] = "boolean",
            ["System.Object"] = "unknown",
            ["System.Byte[]"] = "Uint8Array", ["System.ReadOnlyMemory`1[[System.Byte"] = "Uint8Array", ["System.Memory`1[[System.Byte"] = "Uint8Array",
            ["System.DateTime"] = "Date", ["System.DateTimeOffset"] = "Date",
            // Unity's value types, as the package's converters write them.
            ["UnityEngine.Vector2"] = "{ x: number; y: number }", ["UnityEngine.Vector2Int"] = "{ x: number; y: number }",
            ["UnityEngine.Vector3"] = "{ x: number; y: number; z: number }", ["UnityEngine.Vector3Int"] = "{ x: number; y: number; z: number }",
            ["UnityEngine.Vector4"] = "{ x: number; y: number; z: number; w: number }",
            ["UnityEngine.Quaternion"] = "{ x: number; y: number; z: number; w: number }",
            ["UnityEngine.Color"] = "{ r: number; g: number; b: number; a: number }",
            ["UnityEngine.Color32"] = "{ r: number; g: number; b: number; a: number }",
            ["UnityEngine.Rect"] = "{ x: number; y: number; width: number; height: number }",
            ["UnityEngine.Bounds"] = "{ center: { x: number; y: number; z: number }; size: { x: number; y: number; z: number } }",
            ["UnityEngine.Matrix4x4"] = "{ " + string.Join(" ", Enumerable.Range(0, 16).Select(i => "m" + (i % 4) + (i / 4) + ": number;")) + " }",
        };

        private static readonly string[] ListShapes =
        {
            "System.Collections.Generic.List`1", "System.Collections.Generic.IList`1", "System.Collections.Generic.IReadOnlyList`1",
            "System.Collections.Generic.ICollection`1", "System.Collections.Generic.IReadOnlyCollection`1",
            "System.Collections.Generic.IEnumerable`1", "System.Collections.Generic.HashSet`1",
        };

        private static readonly string[] DictionaryShapes =
        {
            "System.Collections.Generic.Dictionary`2", "System.Collections.Generic.IDictionary`2", "System.Collections.Generic.IReadOnlyDictionary`2",
        };

        private readonly Dictionary<Type, string> _named = new Dictionary<Type, string>();
        private readonly Dictionary<string, Type> _byName = new Dictionary<string, Type>(StringComparer.Ordinal);
        private readonly StringBuilder _declarations = new StringBuilder();

        /// <summary>The interfaces and enum types named so far, in the order they were met.</summary>
        public string Declarations => _declarations.ToString();

        /// <summary>The TypeScript type of <paramref name="type"/>; <paramref name="where"/> names the member in errors.</summary>
        public string Map(Type type, string where)
        {
            string full = type.FullName ?? type.Name;
            foreach (KeyValuePair<string, string> known in Known)
            {
                if (full == known.Key || (known.Key.EndsWith("[[System.Byte", StringComparison.Ordinal) && full.StartsWith(known.Key, StringComparison.Ordinal)))
                    return known.Value;
            }
            Type? underlying = Nullable.GetUnderlyingType(type);
            if (underlying != null) return Map(underlying, where) + " | null";
            if (type.IsArray) return Element(type.GetElementType()!, where);
            if (type.IsGenericType)
            {
                string definition = type.GetGenericTypeDefinition().FullName ?? "";
                Type[] args = type.GetGenericArguments();
                if (ListShapes.Contains(definition)) return Element(args[0], where);
                if (DictionaryShapes.Contains(definition))
                {
                    if (args[0] != typeof(string) && args[0].FullName != "System.String")
                        throw new NotSupportedException(where + ": " + full + " has keys that are not strings; JSON object keys are strings");
                    return "Record<string, " + Map(args[1], where) + ">";
                }
                throw new NotSupportedException(where + ": generic type " + type.Name + " has no TypeScript mapping; declare a closed payload type");
            }
            if (type.IsPrimitive || type.IsPointer || typeof(Delegate).IsAssignableFrom(type) || type.IsInterface || type.IsAbstract)
                throw new NotSupportedException(where + ": " + full + " cannot cross as JSON");
            return Named(type, where);
        }

        // The strategy FrameIPC's default JSON conventions use, so a generated member is named as the wire names it.
        private static readonly CamelCaseNamingStrategy Naming = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false, OverrideSpecifiedNames = false };

        /// <summary>A C# member name as FrameIPC writes it by default (Newtonsoft's camelCase).</summary>
        public static string CamelCase(string name) => Naming.GetPropertyName(name, hasSpecifiedName: false);

        private string Element(Type element, string where)
        {
            string mapped = Map(element, where);
            return (mapped.Contains("|") ? "(" + mapped + ")" : mapped) + "[]";
        }

        private string Named(Type type, string where)
        {
            if (_named.TryGetValue(type, out string? name)) return name;
            name = type.Name;
            if (_byName.TryGetValue(name, out Type? other))
                throw new NotSupportedException(where + ": two payload types are named " + name + " (" + other.FullName + ", " + type.FullName + "); rename one");
            _named.Add(type, name);
            _byName.Add(name, type);
            if (type.IsEnum) WriteEnum(type, name);
            else WriteInterface(type, name);
            return name;
        }

        private void WriteEnum(Type type, string name)
        {
            FieldInfo[] values = type.GetFields(BindingFlags.Public | BindingFlags.Static).OrderBy(f => f.MetadataToken).ToArray();
            bool flags = type.GetCustomAttributesData().Any(a => a.AttributeType.FullName == "System.FlagsAttribute");
            string Number(FieldInfo f) => Convert.ToInt64(f.GetRawConstantValue()).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _declarations.Append("/** ").Append(type.FullName).Append(", as its number: ")
                .Append(string.Join(", ", values.Select(f => f.Name + " = " + Number(f)))).Append(flags ? " (flags: any combination)" : "").Append(". */\n");
            _declarations.Append("export type ").Append(name).Append(" = ")
                .Append(flags || values.Length == 0 ? "number" : string.Join(" | ", values.Select(Number).Distinct())).Append(";\n\n");
        }

        private void WriteInterface(Type type, string name)
        {
            // Reserve the slot first: a member may name this type again (a tree), and must find it already named.
            var body = new StringBuilder();
            body.Append("/** ").Append(type.FullName).Append(" */\n").Append("export interface ").Append(name).Append(" {\n");
            foreach (MemberInfo member in Members(type))
            {
                Type memberType = member is PropertyInfo p ? p.PropertyType : ((FieldInfo)member).FieldType;
                string mapped = Map(memberType, type.FullName + "." + member.Name);
                if (!memberType.IsValueType && NullableAnnotations.IsNullable(member) && !mapped.EndsWith("| null", StringComparison.Ordinal)) mapped += " | null";
                body.Append("  ").Append(WireName(member)).Append(": ").Append(mapped).Append(";\n");
            }
            body.Append("}\n\n");
            _declarations.Append(body);
        }

        private static IEnumerable<MemberInfo> Members(Type type)
        {
            const BindingFlags Instance = BindingFlags.Public | BindingFlags.Instance;
            IEnumerable<MemberInfo> properties = type.GetProperties(Instance).Where(p => p.GetMethod != null && p.GetMethod.IsPublic && p.GetIndexParameters().Length == 0);
            IEnumerable<MemberInfo> fields = type.GetFields(Instance);
            return properties.Concat(fields).Where(m => !HasAttribute(m, "Newtonsoft.Json.JsonIgnoreAttribute")).OrderBy(m => m.MetadataToken);
        }

        private static string WireName(MemberInfo member)
        {
            CustomAttributeData? property = member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == "Newtonsoft.Json.JsonPropertyAttribute");
            string? given = property?.ConstructorArguments.FirstOrDefault(a => a.ArgumentType.FullName == "System.String").Value as string
                ?? property?.NamedArguments.FirstOrDefault(a => a.MemberName == "PropertyName").TypedValue.Value as string;
            string name = given ?? CamelCase(member.Name);
            bool identifier = name.Length > 0 && !char.IsDigit(name[0]) && name.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '$');
            return identifier ? name : "'" + name.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
        }

        private static bool HasAttribute(MemberInfo member, string fullName) =>
            member.GetCustomAttributesData().Any(a => a.AttributeType.FullName == fullName);
    }
}
