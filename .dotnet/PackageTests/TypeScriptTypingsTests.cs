using System;
using NUnit.Framework;

namespace FrameIpc.PackageTests
{
    /// <summary>
    /// The shipped TypeScript declarations compile under strict TypeScript, and a typed channel map really rejects a wrong
    /// channel or argument type (a typing that accepted everything would pass the first half alone).
    /// </summary>
    public sealed class TypeScriptTypingsTests
    {
        private const string Typings = @"
import { ipcRenderer, IpcRenderer, IpcError } from './ipc-renderer.js';

interface Channels {
  'inventory:get': { args: [kind: string]; result: { count: number } };
  'hud:health': { args: [hp: number, max: number] };
  'dialog:confirm': { args: [text: string]; result: boolean };
}
const ipc = ipcRenderer as IpcRenderer<Channels>;
";

        private TypeScriptWorkspace? _ts;

        [OneTimeSetUp]
        public void InstallTypeScript() => _ts = TypeScriptWorkspace.Install("typings-check");

        [OneTimeTearDown]
        public void Remove() => _ts?.Dispose();

        [Test]
        public void CorrectUseOfATypedChannelMapCompiles()
        {
            var (code, output) = Compile("good.ts", Typings + @"
async function page(): Promise<void> {
  const { count }: { count: number } = await ipc.invoke('inventory:get', 'potions');
  ipc.on('hud:health', (event, hp, max) => { const ratio: number = hp / max; console.log(event.senderId, ratio, count); });
  ipc.handle('dialog:confirm', async (event, text) => { event.signal.throwIfAborted(); return text.length > 0; });
  ipc.send('hud:health', 1, 2);
  const aborter = new AbortController();
  await ipc.invokeWithOptions('inventory:get', { timeout: 500, signal: aborter.signal }, 'gold');
  try { await ipcRenderer.invoke('anything', 1, 'two'); } catch (e) { if (e instanceof IpcError) console.log(e.code, e.data); }
  const { port1, port2 } = new MessageChannel();
  ipcRenderer.postMessage('inventory:stream', { since: 0 }, [port2]);
  ipc.postMessage('inventory:stream', null);
  port1.onmessage = (e: MessageEvent) => console.log('stock', e.data);
  ipcRenderer.on('overlay:link', (event) => { const port: MessagePort = event.ports[0]; port.postMessage('hello'); });
}
page();
");
            Assert.That(code, Is.EqualTo(0), output);
        }

        [TestCase("ipc.invoke('inventory:get', 5);", "TS2345", TestName = "A wrong argument type is a compile error")]
        [TestCase("ipc.invoke('inventory:gte', 'x');", "TS2345", TestName = "A misspelt channel is a compile error")]
        [TestCase("ipc.on('hud:health', (e, hp: string) => {});", "TS2345", TestName = "A listener of the wrong type is a compile error")]
        [TestCase("const n: string = await ipc.invoke('dialog:confirm', 'q');", "TS2322", TestName = "A wrong result type is a compile error")]
        public void MisuseOfATypedChannelMapDoesNotCompile(string misuse, string expectedError)
        {
            var (code, output) = Compile("bad.ts", Typings + "\nexport {};\n" + misuse + "\n");
            Assert.That(code, Is.Not.EqualTo(0), "tsc accepted: " + misuse);
            Assert.That(output, Does.Contain(expectedError));
        }

        private (int Code, string Output) Compile(string file, string source) => _ts!.Compile(file, source);
    }
}
