using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace FrameIpc.DocTests
{
    /// <summary>
    /// One fenced code block of a document, as the reader sees it. The line before the fence may be an HTML comment
    /// <c>&lt;!-- snippet: scaffold=NAME --&gt;</c> naming the scaffold (Scaffolds/NAME.cs) it needs besides the engine's.
    /// </summary>
    public sealed class DocSnippet
    {
        private static readonly Regex Marker = new Regex(@"^<!--\s*snippet:\s*(?<opts>.*?)\s*-->$");

        public DocSnippet(string document, int line, string language, string code, string scaffold)
        {
            Document = document;
            Line = line;
            Language = language;
            Code = code;
            Scaffold = scaffold;
        }

        /// <summary>The document's path relative to the package root.</summary>
        public string Document { get; }

        /// <summary>The 1-based line of the opening fence.</summary>
        public int Line { get; }

        public string Language { get; }
        public string Code { get; }

        /// <summary>The extra scaffold the marker names, or null.</summary>
        public string Scaffold { get; }

        /// <summary>A name for test output: the document and line.</summary>
        public string Name => $"{Document}:{Line}";

        public override string ToString() => Name;

        public static string PackageRoot =>
            typeof(DocSnippet).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PackageRoot").Value;

        /// <summary>The documents whose snippets are tested: README.md and every Documentation~/*.md.</summary>
        public static IEnumerable<string> Documents()
        {
            yield return "README.md";
            foreach (var path in Directory.GetFiles(Path.Combine(PackageRoot, "Documentation~"), "*.md").OrderBy(p => p, StringComparer.Ordinal))
                yield return Path.GetRelativePath(PackageRoot, path);
        }

        public static List<DocSnippet> All() => Documents().SelectMany(Read).ToList();

        public static IEnumerable<DocSnippet> Read(string document)
        {
            var lines = File.ReadAllLines(Path.Combine(PackageRoot, document));
            for (int i = 0; i < lines.Length; i++)
            {
                if (!lines[i].StartsWith("```")) continue;
                string language = lines[i].Substring(3).Trim();
                int start = i;
                var body = new List<string>();
                for (i++; i < lines.Length && !lines[i].StartsWith("```"); i++) body.Add(lines[i]);
                if (i == lines.Length) throw new InvalidDataException($"{document}:{start + 1}: a code fence is never closed");
                string scaffold = null;
                if (start > 0)
                {
                    var m = Marker.Match(lines[start - 1].Trim());
                    if (m.Success)
                        foreach (var opt in m.Groups["opts"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        {
                            if (!opt.StartsWith("scaffold=")) throw new InvalidDataException($"{document}:{start}: unknown snippet option '{opt}'");
                            scaffold = opt.Substring("scaffold=".Length);
                        }
                }
                yield return new DocSnippet(document, start + 1, language, string.Join("\n", body) + "\n", scaffold);
            }
        }
    }
}
