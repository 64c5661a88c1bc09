#if UNITY_5_3_OR_NEWER
#nullable enable
using System.IO;
using UnityEngine;

namespace FrameIpc.Samples.HudOverlay
{
    /// <summary>
    /// The HUD Overlay sample in a scene: an engine ticked by the PlayerLoop, the <see cref="HudController"/> game logic
    /// updated every frame, and (in the Editor and development builds, when enabled) a WebSocket dev server serving the
    /// page, so the HUD opens in any browser with its devtools. For an embedded browser, attach its transport to
    /// <see cref="Main"/> instead (README: Vuplex and CEF glue).
    /// </summary>
    public sealed class HudOverlayBehaviour : MonoBehaviour
    {
        [SerializeField, Tooltip("Serve the page over the WebSocket dev server (Editor and development builds only). Default on.")]
        private bool startDevServer = true;

        // The dev server's fixed port by default, so an open browser tab reconnects after the game restarts; 0 picks a
        // free port (the tab then has to be reopened at the new URL).
        [SerializeField, Tooltip("Dev server port; 0 picks a free one. Default 21820 (WebSocketDevServerOptions.DefaultPort), so an open tab reconnects after a restart.")]
        private int devServerPort = WebSocketDevServerOptions.DefaultPort;

        [SerializeField, Tooltip("Folder holding index.html, hud.css and hud.js. Default: StreamingAssets/HudOverlay.")]
        private string pageFolder = "";

        private WebSocketDevServer? _server;

        /// <summary>The engine the page talks to.</summary>
        public IpcMain Main { get; private set; } = null!;

        /// <summary>The sample's game logic.</summary>
        public HudController Hud { get; private set; } = null!;

        /// <summary>The page's URL on the dev server, or null when it is off.</summary>
        public string? PageUrl { get; private set; }

        private void Awake()
        {
            Main = new IpcMain();
            FrameIpcPlayerLoop.Register(Main, "HUD Overlay");
            Hud = new HudController(Main);
            if (!startDevServer || !(Application.isEditor || Debug.isDebugBuild)) return;
            var folder = string.IsNullOrEmpty(pageFolder) ? Path.Combine(Application.streamingAssetsPath, "HudOverlay") : pageFolder;
            _server = new WebSocketDevServer(Main, new WebSocketDevServerOptions { Enabled = true, Port = devServerPort, StaticFilesRoot = folder });
            _server.Start();
            PageUrl = _server.PageUrl("index.html");
            Debug.Log("HUD Overlay: open " + PageUrl);
        }

        private void Update() => Hud.Update(Time.deltaTime);

        private void OnDestroy()
        {
            _server?.Dispose();
            Hud?.Dispose();
            if (Main == null) return;
            FrameIpcPlayerLoop.Unregister(Main);
            Main.Dispose();
        }
    }
}
#endif
