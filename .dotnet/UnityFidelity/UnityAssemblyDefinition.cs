using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace FrameIpc.UnityFidelity
{
    /// <summary>
    /// One Unity assembly as Unity's compilation pipeline sees it: the fields of an .asmdef that decide what is
    /// compiled and against what (or the rules Unity applies to Assembly-CSharp and Assembly-CSharp-Editor).
    /// </summary>
    public sealed class UnityAssemblyDefinition
    {
        public UnityAssemblyDefinition(string name, string directory)
        {
            Name = name;
            Directory = directory;
        }

        public string Name { get; }

        /// <summary>The folder whose .cs files (minus those under a deeper .asmdef) belong to this assembly.</summary>
        public string Directory { get; }

        public List<string> References { get; } = new List<string>();
        public List<string> PrecompiledReferences { get; } = new List<string>();
        public List<string> DefineConstraints { get; } = new List<string>();
        public List<string> Sources { get; } = new List<string>();
        public bool EditorOnly { get; set; }
        public bool NoEngineReferences { get; set; }
        public bool OverrideReferences { get; set; }
        public bool AutoReferenced { get; set; } = true;

        /// <summary>Assembly-CSharp(-Editor): references every auto-referenced assembly and precompiled DLL.</summary>
        public bool IsPredefined { get; set; }

        public static UnityAssemblyDefinition Read(string asmdefPath)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(asmdefPath));
            var root = doc.RootElement;
            var def = new UnityAssemblyDefinition(root.GetProperty("name").GetString()!, Path.GetDirectoryName(asmdefPath)!);
            AddStrings(root, "references", def.References);
            AddStrings(root, "precompiledReferences", def.PrecompiledReferences);
            AddStrings(root, "defineConstraints", def.DefineConstraints);
            var platforms = new List<string>();
            AddStrings(root, "includePlatforms", platforms);
            def.EditorOnly = platforms.Count == 1 && platforms[0] == "Editor";
            def.NoEngineReferences = Bool(root, "noEngineReferences", false);
            def.OverrideReferences = Bool(root, "overrideReferences", false);
            def.AutoReferenced = Bool(root, "autoReferenced", true);
            return def;
        }

        public override string ToString() => Name;

        private static void AddStrings(JsonElement root, string name, List<string> into)
        {
            if (!root.TryGetProperty(name, out var array)) return;
            foreach (var item in array.EnumerateArray()) into.Add(item.GetString() ?? throw new InvalidDataException(name + " holds a null"));
        }

        private static bool Bool(JsonElement root, string name, bool fallback) =>
            root.TryGetProperty(name, out var value) ? value.GetBoolean() : fallback;
    }
}
