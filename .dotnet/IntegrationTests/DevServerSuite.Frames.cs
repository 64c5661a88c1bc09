using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Playwright;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    /// <summary>Frames over the dev server: a frame's connection follows its top page's through a reconnect.</summary>
    public sealed partial class DevServerSuite
    {
        [Test]
        public async Task AFrameFollowsItsTopPageThroughAReconnect_ItsPendingInvokeRejected_ThenAttachedToTheNewView()
        {
            await LoadAsync();
            var first = View;
            var heard = new ConcurrentQueue<string>();
            await Engine.Run(() =>
            {
                Main.Handle<int>("never", (e, token) => new TaskCompletionSource<int>().Task);
                Main.On("frame:again", e => heard.Enqueue(e.SenderId + " " + e.SenderFrame.Id + " " + e.SenderFrame.Url));
            });
            await Js("() => { const f = document.createElement('iframe'); f.name = 'shop'; f.src = '/frame.html'; document.body.appendChild(f); }");
            IFrame frame = null;
            await Until(() => (frame = Page.Frames.FirstOrDefault(f => f.Name == "shop" && f.Url.EndsWith("/frame.html"))) != null, "the iframe");
            await frame.WaitForFunctionAsync("() => window.ipcRenderer && ipcRenderer.isReady");
            int frameId = await frame.EvaluateAsync<int>("() => ipcRenderer.frameId");
            await frame.EvaluateAsync("() => { window.pending = ipcRenderer.invoke('never').then(() => 'resolved', e => e.name + ': ' + e.message); }");
            await Until(() => Engine.Run(() => first.Connection.RunningHandlers).Result == 1, "the frame's invoke to run on the engine");

            await Engine.Run(() => first.Close("closed by the test"));
            var second = await NextReadyViewAsync();

            Assert.That(second.Id, Is.Not.EqualTo(first.Id));
            Assert.That(await frame.EvaluateAsync<string>("() => window.pending"), Does.StartWith("ViewGoneError: "));
            await frame.WaitForFunctionAsync($"() => ipcRenderer.isReady && ipcRenderer.viewId === {second.Id}");
            await frame.EvaluateAsync("() => ipcRenderer.send('frame:again')");
            await Until(() => heard.Count == 1, "the frame's send after the reconnect");
            Assert.That(heard.Single(), Does.StartWith(second.Id + " " + frameId + " http://"));
            Assert.That(heard.Single(), Does.EndWith("/frame.html"));
            View = second;
        }
    }
}
