using System;
using System.Collections.Generic;
using System.IO;
using NUnit.Framework;

namespace FrameIpc.PackageTests
{
    /// <summary>
    /// A temporary folder with the shipped <c>ipc-renderer.d.ts</c>, the given files and TypeScript 5 installed, where
    /// pages are compiled with strict <c>tsc</c>. Shared by the typings tests here and the contract tests (linked).
    /// </summary>
    internal sealed class TypeScriptWorkspace : IDisposable
    {
        private TypeScriptWorkspace(string dir) { Dir = dir; }

        public string Dir { get; }

        /// <summary>Makes the folder and installs TypeScript once (the only step that needs the registry).</summary>
        public static TypeScriptWorkspace Install(string name, params (string File, string Text)[] files)
        {
            var workspace = new TypeScriptWorkspace(Path.Combine(Path.GetTempPath(), name + "-" + Guid.NewGuid().ToString("N")));
            Directory.CreateDirectory(workspace.Dir);
            File.Copy(PackageRoot.Combine("Runtime/Web/ipc-renderer.d.ts"), Path.Combine(workspace.Dir, "ipc-renderer.d.ts"));
            foreach (var (file, text) in files) File.WriteAllText(Path.Combine(workspace.Dir, file), text);
            File.WriteAllText(Path.Combine(workspace.Dir, "package.json"), "{\"name\":\"" + name + "\",\"private\":true,\"type\":\"module\"}");
            var (code, output, errors) = Npm.RunIn(workspace.Dir, offline: false, "install", "--no-save", "--no-audit", "--no-fund", "typescript@5");
            Assert.That(code, Is.EqualTo(0), "npm install typescript@5 failed:\n" + errors + output);
            return workspace;
        }

        /// <summary>Writes <paramref name="source"/> as <paramref name="file"/> and compiles it alone, strict, without emitting.</summary>
        public (int Code, string Output) Compile(string file, string source, params string[] extra)
        {
            File.WriteAllText(Path.Combine(Dir, file), source);
            var arguments = new List<string> { "--noEmit", "--strict", "--target", "es2022", "--module", "es2022",
                "--moduleResolution", "bundler", "--lib", "es2022,dom" };
            arguments.AddRange(extra);
            arguments.Add(file);
            return Tsc(arguments.ToArray());
        }

        /// <summary>Runs the installed <c>tsc</c> with <paramref name="arguments"/> in the folder.</summary>
        public (int Code, string Output) Tsc(params string[] arguments)
        {
            var npm = new List<string> { "exec", "--", "tsc" };
            npm.AddRange(arguments);
            var (code, output, errors) = Npm.RunIn(Dir, offline: true, npm.ToArray());
            return (code, output + errors);
        }

        public void Dispose()
        {
            try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
        }
    }
}
