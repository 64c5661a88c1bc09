using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;

namespace FrameIpc.PackageTests
{
    /// <summary>
    /// The npm package of the page client (Web~/, built from Runtime/Web): packed as a web team would get it, installed
    /// into a fresh strict TypeScript project (verbatimModuleSyntax, nodenext and bundler resolution), type-checked as a
    /// module import and as a plain script's globals, and loaded by Node both ways. It carries nothing of the Unity package.
    /// </summary>
    [TestFixture]
    public sealed class NpmClientPackageTests
    {
        private static readonly string[] PackedFiles =
        {
            "LICENSE.md", "README.md", "ipc-renderer.d.mts", "ipc-renderer.d.ts", "ipc-renderer.global.d.ts",
            "ipc-renderer.js", "ipc-renderer.mjs", "package.json",
        };

        private const string StrictOptions =
            "\"strict\": true, \"verbatimModuleSyntax\": true, \"target\": \"es2022\", \"lib\": [\"es2022\", \"dom\"], \"noEmit\": true";

        // A module that uses the package the way a bundled page would.
        private const string App = @"
import { ipcRenderer, IpcError, create, PROTOCOL_VERSION, type IpcRenderer, type ConnectionState } from 'frameipc-renderer';
import FrameIpc from 'frameipc-renderer';

interface Channels {
  'inventory:get': { args: [kind: string]; result: { count: number } };
  'hud:health': { args: [hp: number, max: number] };
}
const ipc = ipcRenderer as IpcRenderer<Channels>;
const state: ConnectionState = ipc.connectionState;
const stop: () => void = ipc.onConnectionStateChange(change => console.log(change.previous, change.state, change.retryIn, change.reason));
stop();
const { count } = await ipc.invoke('inventory:get', 'potions');
ipc.on('hud:health', (event, hp, max) => console.log(event.senderId, hp / max, count, state));
const names: string[] = ipc.eventNames();
const other: IpcRenderer = create({ maxChannelChars: 2048, allowedQueryHosts: ['devbox.lan:8080'] });
const version: 1 = PROTOCOL_VERSION;
try { await other.invoke('x'); } catch (e) { if (e instanceof IpcError || e instanceof FrameIpc.IpcError) console.log(e.code, names, version); }
";

        // A plain script (no import or export): the globals ipc-renderer.js defines when loaded with <script>.
        private const string Page = @"
ipcRenderer.on('hud:health', (event, hp: number, max: number) => console.log(event.senderId, hp / max));
ipcRenderer.invoke('inventory:count', 'potions').then(n => console.log(n), (e: unknown) => { if (e instanceof FrameIpc.IpcError) console.log(e.code); });
window.ipcRenderer.send('hud:click', 1);
const state: string = ipcRenderer.connectionState;
";

        private string _dir = "";
        private SortedDictionary<string, string?> _tarball = null!;

        [OneTimeSetUp]
        public void PackAndInstall()
        {
            _dir = Path.Combine(Path.GetTempPath(), "frameipc-npm-" + Guid.NewGuid().ToString("N"));
            string project = Path.Combine(_dir, "project");
            Directory.CreateDirectory(project);

            // Not --ignore-scripts: prepack copies the files from Runtime/Web, postpack removes them.
            var (code, output, errors) = Npm.RunIn(PackageRoot.Combine("Web~"), offline: true, "pack", "--json", "--pack-destination", _dir);
            Assert.That(code, Is.EqualTo(0), "npm pack in Web~ failed:\n" + errors + output);
            string tarball = Path.Combine(_dir, JsonDocument.Parse(output).RootElement[0].GetProperty("filename").GetString()!);
            _tarball = Tarball.Read(tarball);

            File.WriteAllText(Path.Combine(project, "package.json"), "{\"name\":\"fresh-page\",\"private\":true,\"type\":\"module\"}");
            (code, output, errors) = Npm.RunIn(project, offline: false, "install", "--no-audit", "--no-fund", tarball, "typescript@5");
            Assert.That(code, Is.EqualTo(0), "npm install of the packed client and typescript@5 failed:\n" + errors + output);
        }

        [OneTimeTearDown]
        public void Remove()
        {
            try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        }

        private string Project => Path.Combine(_dir, "project");

        [Test]
        public void Tarball_HoldsTheClientAndNothingOfTheUnityPackage()
        {
            Assert.That(_tarball.Keys, Is.EqualTo(PackedFiles));
            JsonElement manifest = JsonDocument.Parse(_tarball["package.json"]!).RootElement;
            Assert.That(manifest.TryGetProperty("dependencies", out _), Is.False, "dependencies");
            Assert.That(manifest.TryGetProperty("peerDependencies", out _), Is.False, "peerDependencies");
            Assert.That(manifest.GetProperty("version").GetString(), Is.EqualTo(Manifest.String(Manifest.Load(), "version")));
        }

        [Test]
        public void InstalledFiles_AreRuntimeWebsOwn_AndPackingLeftNoCopiesBehind()
        {
            string installed = Path.Combine(Project, "node_modules", "frameipc-renderer");
            foreach (string name in PackedFiles.Where(f => f.StartsWith("ipc-renderer", StringComparison.Ordinal)))
            {
                Assert.That(File.ReadAllText(Path.Combine(installed, name)), Is.EqualTo(File.ReadAllText(PackageRoot.Combine("Runtime/Web/" + name))), name);
                Assert.That(File.Exists(PackageRoot.Combine("Web~/" + name)), Is.False, "a copy left in Web~: " + name);
            }
        }

        [TestCase("nodenext", "nodenext")]
        [TestCase("esnext", "bundler")]
        public void AModuleImport_TypeChecks_InAFreshStrictProject(string module, string resolution)
        {
            var (code, output) = Compile("app-" + resolution, "app.ts", App,
                "\"module\": \"" + module + "\", \"moduleResolution\": \"" + resolution + "\", " + StrictOptions);
            Assert.That(code, Is.EqualTo(0), output);
        }

        [Test]
        public void ThePlainScriptGlobals_TypeCheck_AndAreReallyTyped()
        {
            string options = "\"module\": \"nodenext\", \"moduleResolution\": \"nodenext\", \"types\": [\"frameipc-renderer/global\"], " + StrictOptions;

            var (code, output) = Compile("page", "page.ts", Page, options);
            Assert.That(code, Is.EqualTo(0), output);

            (code, output) = Compile("page-misspelt", "page-misspelt.ts", Page + "ipcRenderer.sendd('x');\n", options);
            Assert.That(code, Is.Not.EqualTo(0), "tsc accepted a misspelt method on the global ipcRenderer");
            Assert.That(output, Does.Contain("TS2551"));
        }

        [Test]
        public void Node_LoadsItAsAnEsModuleAndAsCommonJs()
        {
            File.WriteAllText(Path.Combine(Project, "load.mjs"),
                "import { ipcRenderer, create } from 'frameipc-renderer';\nimport FrameIpc from 'frameipc-renderer';\n" +
                "import { createRequire } from 'node:module';\nconst required = createRequire(import.meta.url)('frameipc-renderer');\n" +
                "console.log([typeof ipcRenderer.invoke, typeof create, FrameIpc.ipcRenderer === ipcRenderer, required.ipcRenderer === ipcRenderer].join(' '));\n");

            var (code, output, errors) = Npm.RunIn(Project, offline: true, "exec", "--", "node", "load.mjs");

            Assert.That(code, Is.EqualTo(0), errors + output);
            Assert.That(output.Trim(), Is.EqualTo("function function true true"));
        }

        private (int Code, string Output) Compile(string name, string file, string source, string compilerOptions)
        {
            File.WriteAllText(Path.Combine(Project, file), source);
            string config = "tsconfig." + name + ".json";
            File.WriteAllText(Path.Combine(Project, config), "{ \"compilerOptions\": { " + compilerOptions + " }, \"files\": [\"" + file + "\"] }");
            var (code, output, errors) = Npm.RunIn(Project, offline: true, "exec", "--", "tsc", "-p", config);
            return (code, output + errors);
        }
    }
}
