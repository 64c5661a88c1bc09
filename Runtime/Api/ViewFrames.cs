using System;
using System.Collections.Generic;

namespace FrameIpc
{
    /// <summary>
    /// The frames of one view: its main frame, and the subframes its top page's client reported with <c>frame</c>
    /// envelopes (protocol.md, "Frames"). Tick thread only. A frame that navigates or detaches has its pending invokes
    /// rejected both ways, as a reloading view has.
    /// </summary>
    internal sealed class ViewFrames
    {
        private readonly IpcMain _main;
        private readonly WebContents _view;
        private readonly Dictionary<int, WebFrameMain> _byId = new Dictionary<int, WebFrameMain>();

        public ViewFrames(IpcMain main, WebContents view)
        {
            _main = main;
            _view = view;
            MainFrame = new WebFrameMain(main, view, 0, null, view.Origin, null);
        }

        public WebFrameMain MainFrame { get; }

        /// <summary>Attached subframes.</summary>
        public int Count => _byId.Count;

        /// <summary>The frame with id <paramref name="id"/> (0 the main frame), or null when none is attached.</summary>
        public WebFrameMain? Find(int id) => id == 0 ? MainFrame : _byId.TryGetValue(id, out var frame) ? frame : null;

        /// <summary>The main frame, then every attached subframe, in no particular order.</summary>
        public List<WebFrameMain> Snapshot()
        {
            var all = new List<WebFrameMain>(_byId.Count + 1) { MainFrame };
            all.AddRange(_byId.Values);
            return all;
        }

        /// <summary>Applies one <c>frame</c> envelope; what cannot be applied throws an <see cref="IpcException"/> for the caller to refuse.</summary>
        public void Apply(IpcConnection connection, int id, FrameLifecycle life)
        {
            if (id == 0) throw IpcException.Protocol("A frame envelope needs 'fr' > 0: the main frame's lifecycle is the view's own (hello, reload, close)");
            _byId.TryGetValue(id, out var frame);
            switch (life.Op)
            {
                case FrameOp.Attach:
                    if (frame != null) throw IpcException.Protocol($"Frame {id} is already attached to view {_view.Id}");
                    var parent = Find(life.Parent) ?? throw IpcException.Protocol($"Frame {id}'s parent {life.Parent} is not attached to view {_view.Id}");
                    int max = _main.Options.MaxFramesPerView;
                    if (_byId.Count >= max)
                        throw new IpcException(IpcErrorNames.Limit,
                            $"Frame {id} refused: view {_view.Id} already has {max} subframes (IpcOptions.MaxFramesPerView)", IpcErrorCodes.Limit);
                    frame = new WebFrameMain(_main, _view, id, parent, life.Origin, life.Url);
                    _byId.Add(id, frame);
                    _view.RaiseFrameEvent(frame, FrameOp.Attach);
                    return;
                case FrameOp.Navigate:
                    if (frame == null) throw Unknown(id);
                    Release(connection, frame, $"frame {id} of view {_view.Id} navigated");
                    if (life.Url == null)
                    {
                        frame.Url = null; // the old document is leaving; the new one reports itself when it says hello
                        return;
                    }
                    frame.Url = life.Url;
                    if (life.Origin != null) frame.Origin = life.Origin;
                    _view.RaiseFrameEvent(frame, FrameOp.Navigate);
                    return;
                default:
                    if (frame == null) throw Unknown(id);
                    Detach(connection, frame, $"frame {id} of view {_view.Id} was removed");
                    return;
            }
        }

        /// <summary>Every subframe goes (the view reloaded or closed): the view's own rejection covers their invokes.</summary>
        public void DetachAll()
        {
            if (_byId.Count == 0) return;
            var gone = new List<WebFrameMain>(_byId.Values);
            _byId.Clear();
            foreach (var frame in gone)
            {
                frame.Detached = true;
                _view.RaiseFrameEvent(frame, FrameOp.Detach);
            }
        }

        private void Detach(IpcConnection connection, WebFrameMain frame, string why)
        {
            // Its own subframes went with it; the page reports each, but none may outlive it here.
            var children = new List<WebFrameMain>();
            foreach (var other in _byId.Values)
                if (other.Parent == frame) children.Add(other);
            foreach (var child in children) Detach(connection, child, why);
            _byId.Remove(frame.Id);
            frame.Detached = true;
            Release(connection, frame, why);
            _view.RaiseFrameEvent(frame, FrameOp.Detach);
        }

        private static void Release(IpcConnection connection, WebFrameMain frame, string why)
        {
            connection.Handlers.AbandonFrame(frame.Id);
            connection.Invokes.RejectFrame(frame.Id, why);
        }

        private IpcException Unknown(int id) => IpcException.Protocol($"Unknown frame {id}: no such frame is attached to view {_view.Id}");
    }
}
