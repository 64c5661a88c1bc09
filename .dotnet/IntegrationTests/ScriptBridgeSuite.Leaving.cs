using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    /// <summary>
    /// Leaving a page, over a script bridge: what the page sends from its beforeunload, pagehide and unload handlers is
    /// handed to the host's post before the page is gone. (Playwright's exposed function, which stands in for the host
    /// here, cannot deliver a call made during unload; a real host's post, a native call, does. So the test records
    /// what the page handed over in sessionStorage, which survives the navigation.)
    /// </summary>
    public sealed partial class ScriptBridgeSuite
    {
        [Test]
        public async Task SendsFromBeforeunloadPagehideAndUnload_AreHandedToTheHost_BeforeThePageIsGone()
        {
            await LoadAsync();
            await Js(@"() => {
                sessionStorage.setItem('posted', '');
                // frameIpcHost is frozen; its post calls the host's function by name, so the wrapper sees every frame.
                const post = window.__frameIpcTestPost;
                window.__frameIpcTestPost = frame => { if (frame.indexOf('bye') >= 0) sessionStorage.setItem('posted', sessionStorage.getItem('posted') + frame + '\\n'); return post(frame); };
                for (const type of ['beforeunload', 'pagehide', 'unload']) addEventListener(type, () => ipcRenderer.send('bye', type));
            }");
            await ReloadAsync();

            string posted = await Js<string>("() => sessionStorage.getItem('posted')");
            Assert.That(posted, Does.Contain("{\"k\":\"send\",\"ch\":\"bye\",\"a\":[\"pagehide\"]}"));
            Assert.That(posted, Does.Contain("{\"k\":\"send\",\"ch\":\"bye\",\"a\":[\"unload\"]}"));
            Assert.That(posted, Does.Contain("[\"beforeunload\"]"));
        }
    }
}
