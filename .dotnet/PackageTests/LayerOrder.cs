using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace FrameIpc.PackageTests
{
    /// <summary>
    /// The layer order of Runtime/, read from the one place it is declared: the first fenced block under the "Layers"
    /// heading of Documentation~/architecture.md, one "N. Name" line per layer, bottom first.
    /// </summary>
    internal sealed class LayerOrder
    {
        public const string Document = "Documentation~/architecture.md";

        private static readonly Regex Entry = new Regex(@"^\s*(?<rank>\d+)\.\s+(?<name>[A-Za-z][A-Za-z0-9]*)\b");

        private readonly Dictionary<string, int> _rank;

        public LayerOrder(IReadOnlyList<string> names)
        {
            Names = names;
            _rank = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < names.Count; i++) _rank.Add(names[i], i + 1);
        }

        /// <summary>Bottom first.</summary>
        public IReadOnlyList<string> Names { get; }

        /// <summary>1 for the bottom layer; 0 when <paramref name="name"/> is no layer.</summary>
        public int Rank(string name) => _rank.TryGetValue(name, out int rank) ? rank : 0;

        /// <summary>The layer of a package-relative path (<c>Runtime/Layer/...</c>), or null for a file outside every layer.</summary>
        public string? LayerOf(string relativePath)
        {
            var parts = relativePath.Replace('\\', '/').Split('/');
            if (parts.Length < 3 || parts[0] != "Runtime") return null;
            return _rank.ContainsKey(parts[1]) ? parts[1] : null;
        }

        public static LayerOrder Load() => Parse(File.ReadAllLines(PackageRoot.Combine(Document)));

        public static LayerOrder Parse(string[] lines)
        {
            int i = Array.FindIndex(lines, l => Regex.IsMatch(l, @"^#+\s+Layers\s*$"));
            if (i < 0) throw new InvalidDataException(Document + " has no \"Layers\" heading");
            while (++i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal)) { }
            if (i == lines.Length) throw new InvalidDataException(Document + ": no fenced layer list under \"Layers\"");
            var names = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
            {
                var m = Entry.Match(lines[i]);
                if (!m.Success) continue;
                if (int.Parse(m.Groups["rank"].Value) != names.Count + 1)
                    throw new InvalidDataException($"{Document}:{i + 1}: layer '{m.Groups["name"].Value}' is numbered {m.Groups["rank"].Value}, expected {names.Count + 1}");
                names.Add(m.Groups["name"].Value);
            }
            if (names.Count == 0) throw new InvalidDataException(Document + ": the layer list under \"Layers\" is empty");
            return new LayerOrder(names);
        }
    }
}
