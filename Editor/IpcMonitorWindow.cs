#if UNITY_EDITOR
#nullable enable
using System.Collections.Generic;
using System.Globalization;
using UnityEditor;
using UnityEngine;

namespace FrameIpc.Editor
{
    /// <summary>
    /// Window &gt; FrameIPC &gt; IPC Monitor: a view over <see cref="IpcMonitorModel"/> (live log with a channel filter and
    /// pause, per-channel counts, pending invokes with their age, views, and a test message to a view). It holds no
    /// logic of its own: everything it shows is computed by the model, which the .NET tests exercise.
    /// </summary>
    public sealed class IpcMonitorWindow : EditorWindow
    {
        private readonly List<IpcMonitorTarget> _targets = new List<IpcMonitorTarget>();
        private IpcMonitorModel? _model;
        private int _selected;
        private int _shownVersion = -1;
        private Vector2 _logScroll;
        private Vector2 _sideScroll;
        private int _testView = 1;
        private string _testChannel = "hud:notify";
        private string _testArgs = "[\"Hello from the IPC Monitor\"]";
        private string _status = "";

        /// <summary>Opens (or focuses) the window.</summary>
        [MenuItem("Window/FrameIPC/IPC Monitor")]
        public static void Open() => GetWindow<IpcMonitorWindow>("IPC Monitor");

        private void OnEnable() => EditorApplication.update += OnEditorUpdate;

        private void OnDisable()
        {
            EditorApplication.update -= OnEditorUpdate;
            _model?.Dispose();
            _model = null;
        }

        private void OnEditorUpdate()
        {
            IpcMonitorRegistry.CopyTo(_targets);
            var main = _targets.Count > 0 ? _targets[Mathf.Clamp(_selected, 0, _targets.Count - 1)].Main : null;
            if (_model != null && _model.Main != main)
            {
                _model.Dispose();
                _model = null;
            }
            if (_model == null && main != null) _model = new IpcMonitorModel(main);
            if (_model == null) return;
            _model.Poll();
            if (_model.Version == _shownVersion) return;
            _shownVersion = _model.Version;
            Repaint();
        }

        private void OnGUI()
        {
            if (_targets.Count == 0 || _model == null)
            {
                EditorGUILayout.HelpBox("No engine to show. Engines ticked by FrameIpcPlayerLoop, FrameIpcEditorTick or an IpcMainBehaviour appear here; add others with IpcMonitorRegistry.Add.", MessageType.Info);
                return;
            }
            var names = new string[_targets.Count];
            for (int i = 0; i < names.Length; i++) names[i] = _targets[i].Name;
            _selected = EditorGUILayout.Popup("Engine", Mathf.Clamp(_selected, 0, names.Length - 1), names);
            DrawStats(_model);
            DrawLogToolbar(_model);
            _logScroll = EditorGUILayout.BeginScrollView(_logScroll, GUILayout.MinHeight(160));
            for (int i = 0; i < _model.Log.Count; i++) GUILayout.Label(_model.FormatLogLine(i));
            EditorGUILayout.EndScrollView();
            _sideScroll = EditorGUILayout.BeginScrollView(_sideScroll, GUILayout.MinHeight(120));
            DrawChannels(_model);
            DrawPending(_model);
            DrawViews(_model);
            EditorGUILayout.EndScrollView();
            DrawTestMessage(_model);
        }

        private static void DrawStats(IpcMonitorModel m)
        {
            var c = CultureInfo.InvariantCulture;
            EditorGUILayout.LabelField(string.Format(c, "Tick {0}: {1} messages, {2:0.000} ms, backlog {3}; longest {4:0.000} ms (tick {5})",
                m.LastTick.Tick, m.LastTick.Messages, m.LastTick.DurationMs, m.LastTick.Backlog, m.LongestTick.DurationMs, m.LongestTick.Tick));
            EditorGUILayout.LabelField(string.Format(c, "Pending invokes {0}; pool rented {1}, in use {2}; traced {3}",
                m.PendingInvokes.Count, m.PoolRented, m.PoolOutstanding, m.TotalRecorded));
        }

        private static void DrawLogToolbar(IpcMonitorModel m)
        {
            GUILayout.BeginHorizontal();
            var filter = EditorGUILayout.TextField("Channel filter", m.ChannelFilter);
            if (filter != m.ChannelFilter) m.ChannelFilter = filter;
            m.Paused = GUILayout.Toggle(m.Paused, "Pause", GUILayout.Width(60));
            if (GUILayout.Button("Clear", GUILayout.Width(60))) m.ClearTrace();
            GUILayout.EndHorizontal();
        }

        private static void DrawChannels(IpcMonitorModel m)
        {
            EditorGUILayout.LabelField("Channels (in / out messages, in / out chars)", EditorStyles.boldLabel);
            foreach (var ch in m.Channels)
                EditorGUILayout.LabelField(ch.Channel, $"{ch.MessagesIn} / {ch.MessagesOut}    {ch.CharsIn} / {ch.CharsOut}");
        }

        private static void DrawPending(IpcMonitorModel m)
        {
            EditorGUILayout.LabelField("Pending invokes (oldest first)", EditorStyles.boldLabel);
            foreach (var p in m.PendingInvokes)
                EditorGUILayout.LabelField($"view {p.ViewId}  #{p.Id}  {p.Channel}", string.Format(CultureInfo.InvariantCulture, "{0:0} ms of {1} ms", p.AgeMs, p.TimeoutMs));
        }

        private static void DrawViews(IpcMonitorModel m)
        {
            EditorGUILayout.LabelField("Views", EditorStyles.boldLabel);
            foreach (var v in m.Views) EditorGUILayout.LabelField(v.ToString());
        }

        private void DrawTestMessage(IpcMonitorModel m)
        {
            EditorGUILayout.LabelField("Send a test message", EditorStyles.boldLabel);
            _testView = EditorGUILayout.IntField("View id", _testView);
            _testChannel = EditorGUILayout.TextField("Channel", _testChannel);
            _testArgs = EditorGUILayout.TextField("Arguments (JSON array)", _testArgs);
            if (GUILayout.Button("Send")) m.TrySendTestMessage(_testView, _testChannel, _testArgs, out _status);
            if (_status.Length > 0) EditorGUILayout.HelpBox(_status, MessageType.None);
        }
    }
}
#endif
