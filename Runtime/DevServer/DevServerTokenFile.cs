using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace FrameIpc
{
    /// <summary>
    /// Keeps the dev server's token in a user-local file outside the package and the project, one per project folder,
    /// so an open page's <c>?token=</c> still works after the engine restarts. Several processes may start at once:
    /// the first file written wins and the others read it.
    /// </summary>
    internal static class DevServerTokenFile
    {
        /// <summary>
        /// <c>&lt;local app data&gt;/FrameIpc/dev-server/&lt;hash of the project path&gt;.token</c>, or null when this
        /// platform has no local app-data folder.
        /// </summary>
        public static string? DefaultPath(string projectPath)
        {
            string folder = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            if (string.IsNullOrEmpty(folder)) return null;
            string key = Path.GetFullPath(projectPath).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            byte[] hash;
            using (var sha = SHA256.Create()) hash = sha.ComputeHash(Encoding.UTF8.GetBytes(key));
            return Path.Combine(folder, "FrameIpc", "dev-server", Hex(hash, 12) + ".token");
        }

        /// <summary>The token in <paramref name="path"/>, made and written first when the file is missing or unusable.</summary>
        public static string ReadOrCreate(string path)
        {
            var existing = TryRead(path);
            if (existing != null) return existing;
            return Write(path, NewToken(), replace: false);
        }

        /// <summary>Writes a fresh token, replacing the old one, and returns it.</summary>
        public static string Rotate(string path) => Write(path, NewToken(), replace: true);

        public static string NewToken()
        {
            var bytes = new byte[16];
            using (var rng = RandomNumberGenerator.Create()) rng.GetBytes(bytes);
            return Hex(bytes, bytes.Length);
        }

        private static string? TryRead(string path)
        {
            try
            {
                if (!File.Exists(path)) return null;
                var text = File.ReadAllText(path).Trim();
                return text.Length >= 8 && IsPlainToken(text) ? text : null;
            }
            catch (IOException) { return null; }
            catch (UnauthorizedAccessException) { return null; }
        }

        // Written to a temporary file and moved into place, so a reader never sees half a token.
        private static string Write(string path, string token, bool replace)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            string temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temp, token);
            try
            {
                if (replace && File.Exists(path)) File.Replace(temp, path, null);
                else File.Move(temp, path);
                return token;
            }
            catch (IOException) when (!replace && TryRead(path) is string theirs)
            {
                return theirs; // another process wrote it first: use theirs, so both serve the same token
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }

        private static bool IsPlainToken(string text)
        {
            foreach (char c in text)
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_')) return false;
            return true;
        }

        private static string Hex(byte[] bytes, int count)
        {
            var sb = new StringBuilder(count * 2);
            for (int i = 0; i < count; i++) sb.Append(bytes[i].ToString("x2"));
            return sb.ToString();
        }
    }
}
