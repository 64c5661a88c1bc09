using System;
using System.IO;
using System.Text.RegularExpressions;
using FrameIpc.Editor;
using FrameIpc.PackageTests;
using FrameIpc.Samples.HudOverlay;
using NUnit.Framework;

namespace FrameIpc.ContractTests
{
    /// <summary>
    /// Strict tsc over the HUD sample page with its generated typings, and over pages that misuse a generated map: a send
    /// on an engine-to-page channel, a wrong argument, a PascalCase member. (A map that accepted everything would pass
    /// the first half alone.)
    /// </summary>
    public sealed class TypeScriptContractCheckTests
    {
        private const string TypedPage = @"
import { ipcRenderer, IpcRenderer } from './ipc-renderer.js';
import type { GameChannels, PlayerState } from './game-channels';
const ipc = ipcRenderer as IpcRenderer<GameChannels>;
declare const state: PlayerState;
export {};
";

        private TypeScriptWorkspace? _ts;

        [OneTimeSetUp]
        public void InstallTypeScript() => _ts = TypeScriptWorkspace.Install("contract-check",
            ("hud-channels.d.ts", TypeScriptContractWriter.Write(new[] { typeof(HudChannels) })),
            ("game-channels.d.ts", TypeScriptContractWriter.Write(new[] { typeof(GameContract) })));

        [OneTimeTearDown]
        public void Remove() => _ts?.Dispose();

        [Test]
        public void TheHudSamplePageTypeChecksAgainstItsGeneratedTypings()
        {
            var (code, output) = _ts!.Tsc("-p", PackageRoot.Combine("Samples~/HudOverlay/tsconfig.json"));
            Assert.That(code, Is.EqualTo(0), output);
        }

        [Test]
        public void TheContractsPagesTypeScriptCompilesAgainstTheHudMap()
        {
            string document = File.ReadAllText(PackageRoot.Combine("Documentation~/contracts.md")).Replace("\r\n", "\n");
            MatchCollection fences = Regex.Matches(document, "```ts\n(.*?)```", RegexOptions.Singleline);
            Assert.That(fences.Count, Is.EqualTo(1), "contracts.md's TypeScript blocks");
            // The document imports the npm package; here its typings sit next to the page.
            string page = fences[0].Groups[1].Value.Replace("'frameipc-renderer'", "'./ipc-renderer.js'");
            var (code, output) = Compile("contracts-doc.ts", page + "export {};\n");
            Assert.That(code, Is.EqualTo(0), output);
            MatchCollection claims = Regex.Matches(page, @"^// (ipc\..*?;)\s+error (TS\d+)", RegexOptions.Multiline);
            Assert.That(claims.Count, Is.EqualTo(2), "the document's commented-out misuses");
            foreach (Match rejected in claims)
            {
                var (badCode, badOutput) = Compile("contracts-doc-bad.ts", page + rejected.Groups[1].Value + "\nexport {};\n");
                Assert.That(badCode, Is.Not.EqualTo(0), "the document says tsc rejects " + rejected.Groups[1].Value);
                Assert.That(badOutput, Does.Contain(rejected.Groups[2].Value));
            }
        }

        [Test]
        public void CorrectUseOfAGeneratedMapCompiles()
        {
            var (code, output) = Compile("good.ts", TypedPage + @"
async function page(): Promise<void> {
  ipc.send('game:move', { dx: 1, dy: 2 });
  ipc.send('game:ping');
  ipc.on('game:state', (event, s) => { const hp: number = s.hp; console.log(s.position.x, s.title?.length, s.team === 1, hp); });
  ipc.on('game:scores', (event, scores) => console.log(scores['ann'] + 1));
  const player: PlayerState = await ipc.invoke('game:get-player', 7);
  ipc.handle('game:confirm', (event, text) => text.length > 0);
  console.log(player.items.map(i => i.urlPath), player.joined.getTime(), player.avatar.byteLength, state.ID);
}
page();
");
            Assert.That(code, Is.EqualTo(0), output);
        }

        [TestCase("ipc.send('game:state', state);", "TS2345", TestName = "tsc rejects a send on an engine-to-page channel")]
        [TestCase("ipc.on('game:move', () => {});", "TS2345", TestName = "tsc rejects listening on a page-to-engine channel")]
        [TestCase("ipc.invoke('game:confirm', 'q');", "TS2345", TestName = "tsc rejects invoking an engine invoke")]
        [TestCase("ipc.handle('game:get-player', () => state);", "TS2345", TestName = "tsc rejects handling a page invoke")]
        [TestCase("ipc.invoke('game:get-player', 'seven');", "TS2345", TestName = "tsc rejects an invoke with the wrong argument")]
        [TestCase("ipc.send('game:move', { dx: 1 });", "TS2345", TestName = "tsc rejects a payload missing a member")]
        [TestCase("ipc.send('game:ping', 1);", "TS2554", TestName = "tsc rejects an argument on a channel that carries none")]
        [TestCase("ipc.on('game:state', (e, s) => console.log(s.Name));", "TS2551", TestName = "tsc rejects a PascalCase member")]
        [TestCase("const n: number = state.title;", "TS2322", TestName = "tsc rejects a nullable member used as a plain one")]
        public void MisuseOfAGeneratedMapDoesNotCompile(string misuse, string expectedError)
        {
            var (code, output) = Compile("bad.ts", TypedPage + misuse + "\n");
            Assert.That(code, Is.Not.EqualTo(0), "tsc accepted: " + misuse);
            Assert.That(output, Does.Contain(expectedError));
        }

        [TestCase("ipc.send('hud:health', 5);", "TS2345", TestName = "tsc rejects the HUD page sending on hud:health")]
        [TestCase("ipc.invoke('hud:reload', 'now');", "TS2554", TestName = "tsc rejects the HUD page invoking hud:reload with an argument")]
        [TestCase("ipc.on('hud:ammo', function (e, n) { n.toUpperCase(); });", "TS2339", TestName = "tsc rejects the HUD page reading ammo as a string")]
        public void AWrongHudPageScriptDoesNotCompile(string misuse, string expectedError)
        {
            var (code, output) = Compile("bad-hud.js", @"// @ts-check
/** @type {import('./ipc-renderer.js').IpcRenderer<import('./hud-channels').HudChannels>} */
var ipc = /** @type {any} */ (window).ipcRenderer;
" + misuse + "\n", "--allowJs", "--checkJs");
            Assert.That(code, Is.Not.EqualTo(0), "tsc accepted: " + misuse);
            Assert.That(output, Does.Contain(expectedError));
        }

        private (int Code, string Output) Compile(string file, string source, params string[] extra) => _ts!.Compile(file, source, extra);
    }
}
