using System.Collections.Concurrent;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    /// <summary>
    /// Leaving a page, over the dev server: sends from its beforeunload, pagehide and unload handlers reach the engine,
    /// and an opener that keeps a closed child's ipcRenderer gets Electron's "IPC method called after context was
    /// released" (the child has a connection of its own here; a script bridge serves one page).
    /// </summary>
    public sealed partial class DevServerSuite
    {
        [Test]
        public async Task SendsFromBeforeunloadPagehideAndUnload_ReachTheEngine_WhenThePageNavigates()
        {
            var got = new ConcurrentQueue<string>();
            await Engine.Run(() => Main.On<string>("bye", (e, from) => got.Enqueue(from)));
            await LoadAsync();

            await Js(@"() => {
                for (const type of ['beforeunload', 'pagehide', 'unload']) addEventListener(type, () => ipcRenderer.send('bye', type));
            }");
            await NavigateAsync();

            await Until(() => got.Count == 3, "the three sends from the leaving page (got: " + string.Join(", ", got) + ")");
            Assert.That(got, Is.EqualTo(new[] { "beforeunload", "pagehide", "unload" }));
        }

        [Test]
        public async Task AReleasedContext_Throws_InsteadOfDroppingSilently()
        {
            var got = new ConcurrentQueue<string>();
            await Engine.Run(() => Main.On<string>("child", (e, text) => got.Enqueue(text)));
            await LoadAsync();

            await Js(@"async () => {
                window.until = (condition, what) => new Promise((resolve, reject) => {
                    const give = Date.now() + 20000;
                    const poll = () => condition() ? resolve() : Date.now() > give ? reject(new Error('timed out waiting for ' + what)) : setTimeout(poll, 10);
                    poll();
                });
                window.child = window.open(location.href);
                await until(() => child.ipcRenderer && child.ipcRenderer.isReady, 'the child to be ready');
                window.childIpc = child.ipcRenderer;
                childIpc.send('child', 'while open');
            }");
            await Until(() => got.Count == 1, "the open child's send");

            string[] outcomes = await Js<string[]>(@"async () => {
                child.close();
                await until(() => child.closed, 'the child to close');
                const outcomes = [];
                for (let i = 0; i < 3; i++) {
                    try { childIpc.send('child', 'after close ' + i); outcomes.push('sent'); } catch (err) { outcomes.push(err.message); }
                }
                outcomes.push(await childIpc.invoke('child').then(() => 'resolved', err => err.message));
                return outcomes;
            }");

            const string Released = "IPC method called after context was released";
            Assert.That(outcomes, Is.EqualTo(new[] { Released, Released, Released, Released }));
            Assert.That(got, Is.EqualTo(new[] { "while open" }));
        }

        [Test]
        public async Task AReleasedContext_OfANavigatedOrRemovedIframe_Throws()
        {
            await LoadAsync();

            string[] outcomes = await Js<string[]>(@"async () => {
                const until = (condition, what) => new Promise((resolve, reject) => {
                    const give = Date.now() + 20000;
                    const poll = () => condition() ? resolve() : Date.now() > give ? reject(new Error('timed out waiting for ' + what)) : setTimeout(poll, 10);
                    poll();
                });
                const attempt = ipc => { try { ipc.send('frame', 1); return 'sent'; } catch (err) { return err.message; } };
                const open = async () => {
                    const frame = document.createElement('iframe');
                    frame.src = location.href;
                    document.body.appendChild(frame);
                    await until(() => frame.contentWindow.ipcRenderer && frame.contentWindow.ipcRenderer.isReady, 'the iframe to be ready');
                    return frame;
                };
                const outcomes = [];
                const navigated = await open(), kept = navigated.contentWindow.ipcRenderer;
                outcomes.push(attempt(kept));
                navigated.src = 'about:blank';
                await until(() => navigated.contentWindow.location.href === 'about:blank', 'the iframe to navigate');
                outcomes.push(attempt(kept));
                const removed = await open(), held = removed.contentWindow.ipcRenderer;
                removed.remove();
                outcomes.push(attempt(held));
                return outcomes;
            }");

            const string Released = "IPC method called after context was released";
            Assert.That(outcomes, Is.EqualTo(new[] { "sent", Released, Released }));
        }
    }
}
