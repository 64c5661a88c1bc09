using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace FrameIpc.PackageTests
{
    /// <summary>One assembly definition, read the way Unity's importer reads it (strict JSON).</summary>
    internal sealed class AsmdefFile
    {
        private AsmdefFile(string relativePath, JsonElement root)
        {
            RelativePath = relativePath;
            Folder = relativePath.Contains('/') ? relativePath.Substring(0, relativePath.LastIndexOf('/')) : "";
            Name = String(root, "name");
            References = Strings(root, "references");
            IncludePlatforms = Strings(root, "includePlatforms");
            ExcludePlatforms = Strings(root, "excludePlatforms");
            PrecompiledReferences = Strings(root, "precompiledReferences");
            DefineConstraints = Strings(root, "defineConstraints");
            OverrideReferences = Bool(root, "overrideReferences", false);
            AutoReferenced = Bool(root, "autoReferenced", true);
            NoEngineReferences = Bool(root, "noEngineReferences", false);
        }

        public string RelativePath { get; }
        public string Folder { get; }
        public string Name { get; }
        public IReadOnlyList<string> References { get; }
        public IReadOnlyList<string> IncludePlatforms { get; }
        public IReadOnlyList<string> ExcludePlatforms { get; }
        public IReadOnlyList<string> PrecompiledReferences { get; }
        public IReadOnlyList<string> DefineConstraints { get; }
        public bool OverrideReferences { get; }
        public bool AutoReferenced { get; }
        public bool NoEngineReferences { get; }

        public string FileNameWithoutExtension => Path.GetFileNameWithoutExtension(RelativePath);
        public bool IsTest => RelativePath.StartsWith("Tests/", StringComparison.Ordinal);
        public bool IsEditorOnly => IncludePlatforms.Count == 1 && IncludePlatforms[0] == "Editor" && ExcludePlatforms.Count == 0;

        /// <summary>Editor assemblies by place (Editor/, Tests/Editor/) or by name (*.Editor, *.Editor.*).</summary>
        public bool IsMeantForEditor =>
            RelativePath.StartsWith("Editor/", StringComparison.Ordinal)
            || RelativePath.StartsWith("Tests/Editor/", StringComparison.Ordinal)
            || Name.EndsWith(".Editor", StringComparison.Ordinal)
            || Name.Contains(".Editor.", StringComparison.Ordinal);

        /// <summary>Parses one asmdef; throws JsonException or InvalidDataException with the file named.</summary>
        public static AsmdefFile Load(string relativePath)
        {
            string text = File.ReadAllText(PackageRoot.Combine(relativePath));
            using JsonDocument doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException(relativePath + ": an asmdef is a JSON object");
            }
            return new AsmdefFile(relativePath, doc.RootElement.Clone());
        }

        /// <summary>Every asmdef Unity would import from the package, and those in Samples~ (imported with a sample).</summary>
        public static IEnumerable<string> FindAll()
        {
            var scan = PackageScan.Of(PackageRoot.Path);
            IEnumerable<string> inPackage = scan.Assets.Keys.Where(IsAsmdef);
            string samples = PackageRoot.Combine("Samples~");
            IEnumerable<string> inSamples = Directory.Exists(samples)
                ? Directory.EnumerateFiles(samples, "*.asmdef", SearchOption.AllDirectories)
                    .Select(p => Path.GetRelativePath(PackageRoot.Path, p).Replace('\\', '/'))
                    .Where(p => !p.Split('/').Any(s => s == "bin" || s == "obj"))
                : Enumerable.Empty<string>();
            return inPackage.Concat(inSamples).OrderBy(p => p, StringComparer.Ordinal);
        }

        private static bool IsAsmdef(string path) => path.EndsWith(".asmdef", StringComparison.Ordinal);

        private static string String(JsonElement root, string property) =>
            root.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String
                ? value.GetString() ?? ""
                : "";

        private static bool Bool(JsonElement root, string property, bool fallback)
        {
            if (!root.TryGetProperty(property, out JsonElement value)) return fallback;
            if (value.ValueKind == JsonValueKind.True) return true;
            if (value.ValueKind == JsonValueKind.False) return false;
            throw new InvalidDataException("'" + property + "' must be true or false");
        }

        private static IReadOnlyList<string> Strings(JsonElement root, string property)
        {
            if (!root.TryGetProperty(property, out JsonElement value)) return Array.Empty<string>();
            if (value.ValueKind != JsonValueKind.Array) throw new InvalidDataException("'" + property + "' must be an array");
            return value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String
                ? e.GetString() ?? ""
                : throw new InvalidDataException("'" + property + "' must hold strings")).ToArray();
        }
    }
}
