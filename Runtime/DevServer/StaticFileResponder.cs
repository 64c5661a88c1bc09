using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// Serves one folder over GET/HEAD for the dev server, never a file outside it: no "..", no dotfile or dot-folder
    /// (<c>.git/config</c>, <c>.env</c>), and no symbolic link or junction anywhere below the root, since .NET Standard 2.1
    /// cannot read where a link leads (a link out of the root once served <c>/etc/passwd</c>).
    /// </summary>
    internal sealed class StaticFileResponder
    {
        private static readonly Dictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [".html"] = "text/html; charset=utf-8", [".htm"] = "text/html; charset=utf-8",
            [".js"] = "text/javascript; charset=utf-8", [".mjs"] = "text/javascript; charset=utf-8",
            [".css"] = "text/css; charset=utf-8", [".json"] = "application/json; charset=utf-8",
            [".map"] = "application/json; charset=utf-8", [".txt"] = "text/plain; charset=utf-8",
            [".svg"] = "image/svg+xml", [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg",
            [".gif"] = "image/gif", [".webp"] = "image/webp", [".ico"] = "image/x-icon",
            [".woff"] = "font/woff", [".woff2"] = "font/woff2", [".ttf"] = "font/ttf", [".wasm"] = "application/wasm",
        };

        private readonly string _root;

        public StaticFileResponder(string root)
        {
            if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"StaticFilesRoot '{root}' does not exist");
            _root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        }

        /// <summary>Answers 200 with the file (the body only for GET), or 404. Returns false when it answered 404.</summary>
        public async Task<bool> RespondAsync(Stream stream, string urlPath, bool headOnly)
        {
            var file = Resolve(urlPath);
            if (file == null)
            {
                await HttpResponseWriter.WriteTextAsync(stream, 404, "not found", headOnly: headOnly).ConfigureAwait(false);
                return false;
            }
            using (var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 16 * 1024, useAsync: true))
            {
                string type = ContentTypes.TryGetValue(Path.GetExtension(file), out var known) ? known : "application/octet-stream";
                var head = HttpResponseWriter.Head(200, type, source.Length, null);
                await stream.WriteAsync(head, 0, head.Length).ConfigureAwait(false);
                if (!headOnly) await source.CopyToAsync(stream, 16 * 1024).ConfigureAwait(false);
            }
            await stream.FlushAsync().ConfigureAwait(false);
            return true;
        }

        /// <summary>True when the folder has this file (used to let a page's own favicon win over the server's empty answer).</summary>
        public bool Has(string urlPath) => Resolve(urlPath) != null;

        // Null unless the path names a plain file inside the root, reached through plain folders.
        private string? Resolve(string urlPath)
        {
            string relative;
            try { relative = Uri.UnescapeDataString(urlPath).TrimStart('/'); }
            catch (UriFormatException) { return null; }
            if (relative.IndexOf('\0') >= 0 || relative.IndexOf(':') >= 0) return null; // NUL tricks, drive letters, NTFS streams
            var segments = relative.Split('/', '\\');
            foreach (var segment in segments)
                if (segment.Length > 0 && segment[0] == '.') return null; // "..", ".git", ".env": never served
            string full;
            try { full = Path.GetFullPath(Path.Combine(_root, relative)); }
            catch (Exception) { return null; }
            if (!full.StartsWith(_root, StringComparison.Ordinal) && full + Path.DirectorySeparatorChar != _root) return null;
            if (Directory.Exists(full)) full = Path.Combine(full, "index.html");
            if (!File.Exists(full)) return null;
            return ThroughPlainEntries(full) ? full : null;
        }

        // Every entry from the root down to the file must be a real folder or file, not a link or junction.
        private bool ThroughPlainEntries(string full)
        {
            string path = full;
            while (path.Length >= _root.Length && path + Path.DirectorySeparatorChar != _root)
            {
                try
                {
                    if ((File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0) return false;
                }
                catch (Exception) { return false; }
                var parent = Path.GetDirectoryName(path);
                if (parent == null || parent.Length >= path.Length) return false;
                path = parent;
            }
            return true;
        }
    }
}
