using System.Collections.Generic;
using System.IO;

namespace FrameIpc.PackageTests
{
    /// <summary>What Unity sees in a package folder: its assets (files and folders) and its .meta files.</summary>
    internal sealed class PackageScan
    {
        private PackageScan(SortedDictionary<string, bool> assets, SortedSet<string> metas)
        {
            Assets = assets;
            Metas = metas;
        }

        /// <summary>Package-relative asset path ('/' separators) to whether it is a folder.</summary>
        public SortedDictionary<string, bool> Assets { get; }

        /// <summary>Package-relative paths of the .meta files Unity reads.</summary>
        public SortedSet<string> Metas { get; }

        public static PackageScan Of(string root)
        {
            var assets = new SortedDictionary<string, bool>(System.StringComparer.Ordinal);
            var metas = new SortedSet<string>(System.StringComparer.Ordinal);
            var pending = new Stack<string>();
            pending.Push("");
            while (pending.Count > 0)
            {
                string relativeDir = pending.Pop();
                var dir = new DirectoryInfo(relativeDir.Length == 0 ? root : Path.Combine(root, relativeDir));
                foreach (FileSystemInfo entry in dir.EnumerateFileSystemInfos())
                {
                    if (UnityImportRules.IsHidden(entry.Name)) continue;
                    string relative = relativeDir.Length == 0 ? entry.Name : relativeDir + "/" + entry.Name;
                    bool isDir = entry is DirectoryInfo;
                    if (!isDir && UnityImportRules.IsMeta(entry.Name))
                    {
                        metas.Add(relative);
                        continue;
                    }
                    assets[relative] = isDir;
                    // Symlinked folders are not followed: Unity would, but a package should not have them.
                    if (isDir && (entry.Attributes & FileAttributes.ReparsePoint) == 0) pending.Push(relative);
                }
            }
            // git keeps no empty folders, so a clone would not have them (and their metas would be
            // orphans there): a folder is an asset only when it holds a file asset.
            var kept = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (KeyValuePair<string, bool> asset in assets)
            {
                if (!asset.Value) AddFolders(asset.Key, kept);
            }
            var result = new SortedDictionary<string, bool>(System.StringComparer.Ordinal);
            foreach (KeyValuePair<string, bool> asset in assets)
            {
                if (!asset.Value || kept.Contains(asset.Key)) result.Add(asset.Key, asset.Value);
            }
            return new PackageScan(result, metas);
        }

        private static void AddFolders(string file, ISet<string> folders)
        {
            for (int slash = file.LastIndexOf('/'); slash > 0; slash = file.LastIndexOf('/', slash - 1))
            {
                if (!folders.Add(file.Substring(0, slash))) return;
            }
        }

        /// <summary>The same view of a list of file paths (a tarball's), folders implied by the files.</summary>
        public static PackageScan OfFileList(IEnumerable<string> files)
        {
            var assets = new SortedDictionary<string, bool>(System.StringComparer.Ordinal);
            var metas = new SortedSet<string>(System.StringComparer.Ordinal);
            foreach (string file in files)
            {
                if (!UnityImportRules.IsImported(file)) continue;
                if (UnityImportRules.IsMeta(file))
                {
                    metas.Add(file);
                    continue;
                }
                assets[file] = false;
                var folders = new HashSet<string>(System.StringComparer.Ordinal);
                AddFolders(file, folders);
                foreach (string folder in folders) assets[folder] = true;
            }
            return new PackageScan(assets, metas);
        }
    }
}
