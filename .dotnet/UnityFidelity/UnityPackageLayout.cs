using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace FrameIpc.UnityFidelity
{
    /// <summary>
    /// The package's Unity assemblies, found as Unity finds them: every .asmdef in the imported folders owns the .cs files
    /// under it (a deeper .asmdef wins); a sample's C# without an .asmdef lands in Assembly-CSharp, or in
    /// Assembly-CSharp-Editor under a folder named Editor. Folders ending in ~ or starting with . are not imported,
    /// except the samples listed in package.json, which Unity copies into Assets when the user imports them.
    /// </summary>
    public sealed class UnityPackageLayout
    {
        public const string AssemblyCSharp = "Assembly-CSharp";
        public const string AssemblyCSharpEditor = "Assembly-CSharp-Editor";

        private UnityPackageLayout(List<UnityAssemblyDefinition> assemblies) => Assemblies = assemblies;

        public List<UnityAssemblyDefinition> Assemblies { get; }

        public UnityAssemblyDefinition Find(string name) =>
            Assemblies.FirstOrDefault(a => a.Name == name) ?? throw new KeyNotFoundException("no Unity assembly named " + name);

        public static UnityPackageLayout Scan(string packageRoot)
        {
            var assemblies = new List<UnityAssemblyDefinition>();
            var imported = new List<string>();
            foreach (var dir in Directory.GetDirectories(packageRoot))
                if (IsImported(Path.GetFileName(dir))) imported.Add(dir);
            foreach (var dir in imported)
            foreach (var asmdef in Files(dir, "*.asmdef"))
                assemblies.Add(UnityAssemblyDefinition.Read(asmdef));
            foreach (var dir in imported)
            foreach (var source in Files(dir, "*.cs"))
            {
                var owner = Owner(assemblies, source)
                    ?? throw new InvalidDataException($"{source} is outside every .asmdef: Unity would put it in Assembly-CSharp");
                owner.Sources.Add(source);
            }
            AddSamples(packageRoot, assemblies);
            return new UnityPackageLayout(assemblies);
        }

        private static void AddSamples(string packageRoot, List<UnityAssemblyDefinition> assemblies)
        {
            var game = new UnityAssemblyDefinition(AssemblyCSharp, packageRoot) { IsPredefined = true };
            var editor = new UnityAssemblyDefinition(AssemblyCSharpEditor, packageRoot) { IsPredefined = true, EditorOnly = true };
            editor.References.Add(AssemblyCSharp);
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(packageRoot, "package.json")));
            var sampleAssemblies = new List<UnityAssemblyDefinition>();
            foreach (var sample in manifest.RootElement.GetProperty("samples").EnumerateArray())
            {
                var dir = Path.Combine(packageRoot, sample.GetProperty("path").GetString()!);
                foreach (var asmdef in Files(dir, "*.asmdef")) sampleAssemblies.Add(UnityAssemblyDefinition.Read(asmdef));
                foreach (var source in Files(dir, "*.cs"))
                {
                    var owner = Owner(sampleAssemblies, source);
                    if (owner == null)
                    {
                        var relative = Path.GetRelativePath(dir, source).Split(Path.DirectorySeparatorChar);
                        owner = relative.Take(relative.Length - 1).Contains("Editor") ? editor : game;
                    }
                    owner.Sources.Add(source);
                }
            }
            assemblies.AddRange(sampleAssemblies);
            if (game.Sources.Count > 0) assemblies.Add(game);
            if (editor.Sources.Count > 0) assemblies.Add(editor);
        }

        private static bool IsImported(string folderName) => !folderName.EndsWith("~") && !folderName.StartsWith(".");

        private static IEnumerable<string> Files(string dir, string pattern)
        {
            foreach (var file in Directory.GetFiles(dir, pattern)) yield return file;
            foreach (var sub in Directory.GetDirectories(dir))
            {
                if (!IsImported(Path.GetFileName(sub))) continue;
                foreach (var file in Files(sub, pattern)) yield return file;
            }
        }

        private static UnityAssemblyDefinition? Owner(List<UnityAssemblyDefinition> assemblies, string source)
        {
            UnityAssemblyDefinition? best = null;
            foreach (var a in assemblies)
            {
                var dir = a.Directory + Path.DirectorySeparatorChar;
                if (source.StartsWith(dir, StringComparison.Ordinal) && (best == null || a.Directory.Length > best.Directory.Length)) best = a;
            }
            return best;
        }
    }
}
