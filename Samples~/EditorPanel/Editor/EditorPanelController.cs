#nullable enable
using System;
using System.Collections.Generic;

namespace FrameIpc.Samples.EditorPanel
{
    /// <summary>
    /// The Editor side of the Editor Panel sample, in plain C#: it answers the panel's invokes and pushes the Editor's
    /// status twice a second. Call <see cref="Update"/> from the Editor tick (the sample's window does it on
    /// <c>EditorApplication.update</c>, after <c>FrameIpcEditorTick</c> ticked the engine).
    /// </summary>
    public sealed class EditorPanelController : IDisposable
    {
        /// <summary>Panel to Editor, invoke: the active scene's root object names (a string array).</summary>
        public const string ObjectsChannel = "panel:objects";
        /// <summary>Panel to Editor, invoke with a name: selects that object, returns whether it was found.</summary>
        public const string SelectChannel = "panel:select";
        /// <summary>Panel to Editor, send with a text: written to the Console.</summary>
        public const string LogChannel = "panel:log";
        /// <summary>Editor to panel, twice a second: <see cref="EditorPanelStatus"/>.</summary>
        public const string StatusChannel = "panel:status";

        private readonly IpcMain _main;
        private readonly IEditorPanelHost _host;
        private readonly List<string> _names = new List<string>();
        private readonly EditorPanelStatus _status = new EditorPanelStatus();
        private readonly IDisposable _logSubscription;
        private double _lastStatus = double.NegativeInfinity;
        private long _ticks;
        private bool _disposed;

        /// <summary>Registers the panel's handlers on <paramref name="main"/>.</summary>
        public EditorPanelController(IpcMain main, IEditorPanelHost host)
        {
            _main = main ?? throw new ArgumentNullException(nameof(main));
            _host = host ?? throw new ArgumentNullException(nameof(host));
            _main.Handle(ObjectsChannel, e => Objects());
            _main.Handle(SelectChannel, e => Select(e.ArgCount > 0 ? e.Arg<string>(0) : null));
            _logSubscription = _main.On<string>(LogChannel, (e, text) => _host.Log($"[Editor Panel, view {e.SenderId}] {text}"));
        }

        /// <summary>Seconds between status pushes. Default 0.5.</summary>
        public double StatusInterval { get; set; } = 0.5;

        /// <summary>Once per Editor tick: pushes the status to every ready panel when it is due.</summary>
        public void Update()
        {
            if (_disposed) return;
            _ticks++;
            double now = _host.Time;
            if (now - _lastStatus < StatusInterval) return;
            _lastStatus = now;
            _status.Description = _host.Description;
            _status.IsPlaying = _host.IsPlaying;
            _status.Time = now;
            _status.Ticks = _ticks;
            _main.Broadcast(StatusChannel, _status);
        }

        /// <summary>Removes the handlers and the listener.</summary>
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _main.RemoveHandler(ObjectsChannel);
            _main.RemoveHandler(SelectChannel);
            _logSubscription.Dispose();
        }

        private string[] Objects()
        {
            _names.Clear();
            _host.CopyRootObjectNames(_names);
            return _names.ToArray();
        }

        private bool Select(string? name)
        {
            if (string.IsNullOrEmpty(name)) throw new ArgumentException("panel:select needs the name of an object");
            return _host.Select(name!);
        }
    }
}
