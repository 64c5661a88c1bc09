using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace FrameIpc.PackageTests
{
    /// <summary>The files of an npm tarball (.tgz), by path with npm's 'package/' prefix removed.</summary>
    internal static class Tarball
    {
        public const string Prefix = "package/";

        /// <summary>Every file entry; the text of .meta files and package.json, null for the rest.</summary>
        public static SortedDictionary<string, string?> Read(string path)
        {
            var files = new SortedDictionary<string, string?>(StringComparer.Ordinal);
            using FileStream file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            for (TarEntry? entry = tar.GetNextEntry(); entry != null; entry = tar.GetNextEntry())
            {
                if (entry.EntryType == TarEntryType.Directory) continue;
                string name = entry.Name.StartsWith(Prefix, StringComparison.Ordinal)
                    ? entry.Name.Substring(Prefix.Length)
                    : "(outside package/) " + entry.Name;
                bool wanted = name.EndsWith(".meta", StringComparison.Ordinal) || name == "package.json";
                files[name] = wanted && entry.DataStream != null ? new StreamReader(entry.DataStream, Encoding.UTF8).ReadToEnd() : null;
            }
            return files;
        }
    }
}
