using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>Serves one folder over GET/HEAD for the dev server, never a file outside it.</summary>
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

        public async Task RespondAsync(HttpListenerContext context)
        {
            var request = context.Request;
            if (request.HttpMethod != "GET" && request.HttpMethod != "HEAD") { WriteText(context, "only GET and HEAD", "text/plain; charset=utf-8", 405); return; }
            var file = Resolve(request.Url.AbsolutePath);
            if (file == null) { WriteText(context, "not found", "text/plain; charset=utf-8", 404); return; }
            var response = context.Response;
            response.StatusCode = 200;
            response.ContentType = ContentTypes.TryGetValue(Path.GetExtension(file), out var type) ? type : "application/octet-stream";
            AddDevHeaders(response);
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 16 * 1024, useAsync: true))
            {
                response.ContentLength64 = stream.Length;
                if (request.HttpMethod == "GET") await stream.CopyToAsync(response.OutputStream).ConfigureAwait(false);
            }
            response.Close();
        }

        // Null unless the path names a file inside the root (".." and encoded tricks end up outside and are refused).
        private string? Resolve(string urlPath)
        {
            string relative = Uri.UnescapeDataString(urlPath).TrimStart('/');
            if (relative.IndexOf('\0') >= 0) return null;
            string full;
            try { full = Path.GetFullPath(Path.Combine(_root, relative)); }
            catch (Exception) { return null; }
            if (!full.StartsWith(_root, StringComparison.Ordinal) && full + Path.DirectorySeparatorChar != _root) return null;
            if (Directory.Exists(full)) full = Path.Combine(full, "index.html");
            return File.Exists(full) ? full : null;
        }

        public static void WriteText(HttpListenerContext context, string text, string contentType, int status = 200)
        {
            var response = context.Response;
            var bytes = Encoding.UTF8.GetBytes(text);
            response.StatusCode = status;
            response.ContentType = contentType;
            AddDevHeaders(response);
            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes, 0, bytes.Length);
            response.Close();
        }

        // A dev server: always the file as it is now, and never sniffed into another type.
        private static void AddDevHeaders(HttpListenerResponse response)
        {
            response.Headers["Cache-Control"] = "no-store";
            response.Headers["X-Content-Type-Options"] = "nosniff";
        }
    }
}
