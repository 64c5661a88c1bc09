using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace FrameIpc.PackageTests
{
    /// <summary>
    /// Everything wrong with a package's .meta files, the way .tools/meta.py --check reports it:
    /// missing metas, orphans, metas without a well-formed GUID, duplicate GUIDs, and folder/file mix-ups.
    /// </summary>
    internal sealed class MetaAudit
    {
        private static readonly Regex GuidLine = new Regex(@"^guid: ([0-9a-f]{32})\s*$", RegexOptions.Multiline);
        private static readonly Regex FolderLine = new Regex(@"^folderAsset: yes\s*$", RegexOptions.Multiline);
        private static readonly Regex VersionLine = new Regex(@"^fileFormatVersion: 2\s*$", RegexOptions.Multiline);

        public List<string> Missing { get; } = new List<string>();
        public List<string> Orphans { get; } = new List<string>();
        public List<string> Malformed { get; } = new List<string>();
        public List<string> DuplicateGuids { get; } = new List<string>();

        /// <summary>Meta path to its GUID, for the metas that have one.</summary>
        public Dictionary<string, string> Guids { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public static MetaAudit Of(PackageScan scan, Func<string, string> readMeta)
        {
            var audit = new MetaAudit();
            foreach (KeyValuePair<string, bool> asset in scan.Assets)
            {
                if (!scan.Metas.Contains(asset.Key + UnityImportRules.MetaExtension)) audit.Missing.Add(asset.Key);
            }
            foreach (string meta in scan.Metas)
            {
                string asset = meta.Substring(0, meta.Length - UnityImportRules.MetaExtension.Length);
                if (!scan.Assets.TryGetValue(asset, out bool isFolder))
                {
                    audit.Orphans.Add(meta);
                    continue;
                }
                audit.CheckContent(meta, asset, isFolder, readMeta(meta));
            }
            foreach (IGrouping<string, KeyValuePair<string, string>> group in audit.Guids.GroupBy(p => p.Value))
            {
                if (group.Count() > 1)
                {
                    audit.DuplicateGuids.Add(group.Key + ": " + string.Join(", ", group.Select(p => p.Key)));
                }
            }
            return audit;
        }

        private void CheckContent(string meta, string asset, bool isFolder, string text)
        {
            Match guid = GuidLine.Match(text);
            if (!VersionLine.IsMatch(text) || !guid.Success)
            {
                Malformed.Add(meta + " (needs 'fileFormatVersion: 2' and 'guid: <32 lowercase hex digits>')");
                return;
            }
            Guids[meta] = guid.Groups[1].Value;
            if (FolderLine.IsMatch(text) != isFolder)
            {
                Malformed.Add(meta + (isFolder ? " (a folder's meta needs 'folderAsset: yes')" : " (says folderAsset but is a file's)"));
            }
            string? importer = ExpectedImporter(asset);
            if (importer != null && text.Contains("Importer:", StringComparison.Ordinal) && !text.Contains("\n" + importer + ":", StringComparison.Ordinal))
            {
                Malformed.Add(meta + " (expected " + importer + ")");
            }
        }

        /// <summary>The importer Unity uses for code assets; a meta naming another one would be re-imported wrongly.</summary>
        private static string? ExpectedImporter(string asset)
        {
            if (asset.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)) return "MonoImporter";
            if (asset.EndsWith(".asmdef", StringComparison.OrdinalIgnoreCase)) return "AssemblyDefinitionImporter";
            if (asset.EndsWith(".asmref", StringComparison.OrdinalIgnoreCase)) return "AssemblyDefinitionReferenceImporter";
            if (asset.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) return "PluginImporter";
            return null;
        }
    }
}
