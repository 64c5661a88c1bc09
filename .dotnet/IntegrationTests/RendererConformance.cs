using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    /// <summary>
    /// The browser tests every transport must pass; each transport's fixture derives from this. Split by topic:
    /// .Messages (send/on/once/off), .Invokes (both directions, errors, timeouts, cancellation), .Lifecycle
    /// (handshake, held sends, reload, ordering under load).
    /// </summary>
    public abstract partial class RendererConformance : BrowserSuite
    {
        /// <summary>Waits until the engine has a WebContents for the page being loaded (it may not be ready yet).</summary>
        protected abstract Task UntilAttachedAsync();

        /// <summary>True when a reload reconnects as a new view (WebSocket); false when the same view handshakes again (script bridge).</summary>
        protected virtual bool ReloadIsNewView => ExpectedBridge == "websocket";

        /// <summary>Sends a marker from the engine and waits until the page saw it: everything sent before it has arrived.</summary>
        protected async Task FenceAsync()
        {
            await Js("() => { window.fences = window.fences || 0; ipcRenderer.on('test:fence', () => { window.fences++; }); }");
            await Engine.Run(() => View.Send("test:fence"));
            await UntilPage("() => window.fences > 0");
        }
    }
}
