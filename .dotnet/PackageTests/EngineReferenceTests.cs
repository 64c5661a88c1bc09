using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace FrameIpc.PackageTests
{
    /// <summary>
    /// The core assembly has noEngineReferences, and the .NET build compiles Runtime/ without Unity:
    /// outside Runtime/Unity/, Unity's namespaces may appear only under an #if UNITY_... guard.
    /// </summary>
    [TestFixture]
    public sealed class EngineReferenceTests
    {
        private static readonly string[] UnityNamespaces = { "UnityEngine", "UnityEditor" };

        [Test]
        public void CoreRuntimeMentionsUnityOnlyUnderAGuard()
        {
            var problems = new List<string>();
            foreach (string path in Directory.EnumerateFiles(PackageRoot.Combine("Runtime"), "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(PackageRoot.Path, path).Replace('\\', '/');
                if (relative.StartsWith("Runtime/Unity/", StringComparison.Ordinal) || !UnityImportRules.IsImported(relative)) continue;
                problems.AddRange(UnguardedMentions(File.ReadAllLines(path)).Select(line => relative + ":" + line));
            }
            Assert.That(problems, Is.Empty, "Unity namespaces outside Runtime/Unity/ and outside #if UNITY_...:" + Listing.Of(problems));
        }

        [TestCase("using UnityEngine;", 1)]
        [TestCase("#if UNITY_5_3_OR_NEWER\nusing UnityEngine;\n#endif", 0)]
        [TestCase("#if UNITY_EDITOR\n#if DEBUG\nUnityEditor.X();\n#endif\n#endif", 0)]
        [TestCase("#if UNITY_EDITOR\n#else\nUnityEngine.Debug.Log(1);\n#endif", 1)]
        [TestCase("#if !UNITY_EDITOR\nUnityEngine.Debug.Log(1);\n#endif", 1)]
        [TestCase("#if DEBUG\n#elif UNITY_2021_3_OR_NEWER\nUnityEngine.Debug.Log(1);\n#endif\nUnityEngine.X();", 1)]
        [TestCase("#if UNITY_EDITOR || DEBUG\nUnityEditor.X();\n#endif", 1)]
        [TestCase("// like UnityEngine's PlayerLoop\nint x;", 0)]
        public void GuardsAreTracked(string source, int expected)
        {
            Assert.That(UnguardedMentions(source.Split('\n')).Count(), Is.EqualTo(expected));
        }

        /// <summary>Line numbers (1-based) that name a Unity namespace with no enclosing UNITY_ condition.</summary>
        internal static IEnumerable<int> UnguardedMentions(IReadOnlyList<string> lines)
        {
            // One entry per open #if: whether that branch is a positive UNITY_ condition.
            var guards = new List<bool>();
            for (int i = 0; i < lines.Count; i++)
            {
                string line = lines[i].Trim();
                if (line.StartsWith("#if", StringComparison.Ordinal)) guards.Add(IsUnityCondition(line.Substring(3)));
                else if (line.StartsWith("#elif", StringComparison.Ordinal) && guards.Count > 0) guards[guards.Count - 1] = IsUnityCondition(line.Substring(5));
                else if (line.StartsWith("#else", StringComparison.Ordinal) && guards.Count > 0) guards[guards.Count - 1] = false;
                else if (line.StartsWith("#endif", StringComparison.Ordinal) && guards.Count > 0) guards.RemoveAt(guards.Count - 1);
                else if (!line.StartsWith("//", StringComparison.Ordinal) && !guards.Contains(true)
                    && UnityNamespaces.Any(ns => line.Contains(ns, StringComparison.Ordinal)))
                {
                    yield return i + 1;
                }
            }
        }

        private static bool IsUnityCondition(string condition)
        {
            // UNITY_X, or UNITY_X && OTHER: true only where Unity compiles. A negation or an || is not a guard.
            string c = condition.Trim();
            return c.Contains("UNITY_", StringComparison.Ordinal) && !c.Contains('!') && !c.Contains("||", StringComparison.Ordinal);
        }
    }
}
