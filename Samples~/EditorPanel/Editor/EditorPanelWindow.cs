#if UNITY_EDITOR
#nullable enable
using System.IO;
using FrameIpc.Editor;
using UnityEditor;
using UnityEngine;

namespace FrameIpc.Samples.EditorPanel
{
    /// <summary>
    /// Window &gt; FrameIPC &gt; Samples &gt; Editor Panel: serves the sample's Web/ page over the WebSocket dev server, with an
    /// engine ticked by <see cref="FrameIpcEditorTick"/> (in edit mode too) and <see cref="EditorPanelController"/>
    /// answering it. Open the URL it shows in any browser: the page is an editor tool panel beside the Editor.
    /// The server stops when the window closes and before every assembly reload.
    /// </summary>
    public sealed class EditorPanelWindow : EditorWindow
    {
        private IpcMain? _main;
        private WebSocketDevServer? _server;
        private EditorPanelController? _controller;
        private string? _url;

        /// <summary>Opens the window, which starts the panel's server.</summary>
        [MenuItem("Window/FrameIPC/Samples/Editor Panel")]
        public static void Open() => GetWindow<EditorPanelWindow>("FrameIPC Editor Panel");

        private void OnEnable()
        {
            EditorApplication.update += OnEditorUpdate;
            FrameIpcEditorTick.BeforeReload += StopServer;
            StartServer();
        }

        private void OnDisable()
        {
            EditorApplication.update -= OnEditorUpdate;
            FrameIpcEditorTick.BeforeReload -= StopServer;
            StopServer();
        }

        private void StartServer()
        {
            if (_server != null) return;
            // The page is in Web/ beside this script's Editor/ folder, wherever the sample was imported.
            var script = Path.GetFullPath(AssetDatabase.GetAssetPath(MonoScript.FromScriptableObject(this)));
            var folder = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(script))!, "Web");
            _main = new IpcMain();
            FrameIpcEditorTick.Register(_main, "Editor Panel sample");
            _controller = new EditorPanelController(_main, new UnityEditorPanelHost());
            _server = new WebSocketDevServer(_main, new WebSocketDevServerOptions { Enabled = true, StaticFilesRoot = folder });
            _server.Start();
            _url = _server.PageUrl("index.html");
        }

        private void StopServer()
        {
            _server?.Dispose();
            _controller?.Dispose();
            if (_main != null)
            {
                FrameIpcEditorTick.Unregister(_main);
                _main.Dispose();
            }
            _server = null;
            _controller = null;
            _main = null;
            _url = null;
        }

        private void OnEditorUpdate() => _controller?.Update();

        private void OnGUI()
        {
            if (_url == null || _main == null)
            {
                EditorGUILayout.HelpBox("The panel's server is stopped.", MessageType.Info);
                if (GUILayout.Button("Start")) StartServer();
                return;
            }
            EditorGUILayout.LabelField("Open the panel in a browser:");
            EditorGUILayout.SelectableLabel(_url);
            if (GUILayout.Button("Open in browser")) Application.OpenURL(_url);
            EditorGUILayout.LabelField("Panels connected", _main.Views.Count.ToString());
            if (GUILayout.Button("Stop")) StopServer();
        }
    }
}
#endif
