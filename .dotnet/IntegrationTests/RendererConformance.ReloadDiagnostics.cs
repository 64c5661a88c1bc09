using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    public abstract partial class RendererConformance
    {
        /// <summary>
        /// A reload is the page's ordinary life, not a failure: the engine logs it as a Lifecycle diagnostic that says the
        /// page closed or reloaded, never "transport failed".
        /// </summary>
        [Test]
        public async Task Reload_IsLoggedAsTheLifecycleItIs_NotAsATransportFailure()
        {
            var diagnostics = new ConcurrentQueue<IpcDiagnostic>();
            Main.Diagnostic += d => diagnostics.Enqueue(d);
            await Engine.Run(() => Main.On("busy", e => e.Reply("tick")));
            await LoadAsync();
            var firstView = View;
            // Traffic in flight both ways when the page goes: the engine's writes may meet the closing socket.
            await Js("() => { ipcRenderer.on('tick', () => {}); setInterval(() => ipcRenderer.send('busy'), 1); }");
            await Engine.Run(() => { for (int i = 0; i < 50; i++) firstView.Send("tick", i); });
            await ReloadAsync();
            await Engine.Run(() => View.Send("tick", 0));
            if (ReloadIsNewView) await Until(() => firstView.IsDestroyed, "the first view to go away");

            var all = diagnostics.ToArray();
            foreach (var d in all) TestContext.WriteLine(d.ToString());
            Assert.That(all.Where(d => d.Message.Contains("transport failed")).Select(d => d.Message), Is.Empty);
            Assert.That(all.Where(d => d.Kind != IpcDiagnosticKind.Lifecycle).Select(d => d.Message), Is.Empty);
            if (ReloadIsNewView)
            {
                Assert.That(firstView.DestroyReason, Does.Contain("the page closed or reloaded"));
                Assert.That(all.Any(d => d.ViewId == firstView.Id && d.Kind == IpcDiagnosticKind.Lifecycle && d.Message.StartsWith("destroyed: ") && d.Message.Contains("the page closed or reloaded")), Is.True);
            }
            else
            {
                Assert.That(all.Any(d => d.ViewId == firstView.Id && d.Message.StartsWith("reloaded")), Is.True);
                Assert.That(firstView.IsDestroyed, Is.False);
            }
        }
    }
}
