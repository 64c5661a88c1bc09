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

        /// <summary>The engine's and the page's frame limit in the tests marked [Property("LargeLimits", 1)]: a 3 MiB payload fits.</summary>
        internal const int LargeFrameChars = 8 << 20;

        protected static bool HasLargeLimits => TestContext.CurrentContext.Test.Properties.ContainsKey("LargeLimits");

        protected override IpcOptions CreateOptions() => WithTestLimits(new IpcOptions());

        /// <summary>Raises the engine's limits for a test marked [Property("LargeLimits", 1)]; see also <see cref="UseLargePageLimitsAsync"/>.</summary>
        protected static IpcOptions WithTestLimits(IpcOptions options)
        {
            if (!HasLargeLimits) return options;
            options.MaxFrameChars = LargeFrameChars;
            options.MaxHeldChars = LargeFrameChars;
            options.MaxQueuedChars = 4L * LargeFrameChars;
            return options;
        }

        /// <summary>Before loading: the page's limits raised as the engine's, announced in its hello (test.html reads them).</summary>
        protected Task UseLargePageLimitsAsync() =>
            Context.AddInitScriptAsync("window.__testInit = { maxFrameChars: " + LargeFrameChars + ", maxHeldChars: " + LargeFrameChars + " };");

        /// <summary>Sends a marker from the engine and waits until the page saw it: everything sent before it has arrived.</summary>
        protected async Task FenceAsync()
        {
            await Js("() => { window.fences = window.fences || 0; ipcRenderer.on('test:fence', () => { window.fences++; }); }");
            await Engine.Run(() => View.Send("test:fence"));
            await UntilPage("() => window.fences > 0");
        }
    }
}
