using System;
using System.Collections.Generic;

namespace FrameIpc
{
    /// <summary>
    /// What a listener receives, as Electron's <c>IpcMainEvent</c>/<c>IpcRendererEvent</c>: the invoke event's sender and
    /// arguments, plus <see cref="Reply(string)"/> and, for <c>SendSync</c>, <see cref="ReturnValue"/>. The event and its
    /// arguments are valid until the listener returns.
    /// </summary>
    public sealed class IpcEvent : IpcMainInvokeEvent
    {
        internal bool IsSync;
        internal bool HasReturnValue;
        private object? _returnValue;

        internal IpcEvent() { }

        /// <summary>
        /// The ports a page transferred with <c>ipcRenderer.postMessage(channel, message, [ports])</c> (Electron's
        /// <c>event.ports</c>), each entangled with the page's <c>MessagePort</c>; empty for every other message. Unlike the
        /// event, the ports stay valid after the listener returns: keep them, <see cref="MessagePortMain.Start"/> them.
        /// </summary>
        public IReadOnlyList<MessagePortMain> Ports { get; internal set; } = Array.Empty<MessagePortMain>();

        /// <summary>For <c>SendSync</c>: the value sent back to the blocked caller. Setting it from a plain listener does nothing.</summary>
        public object? ReturnValue
        {
            get => _returnValue;
            set
            {
                _returnValue = value;
                HasReturnValue = true;
            }
        }

        /// <summary>Sends a message back to whoever sent this one (Electron's <c>event.reply</c>).</summary>
        public void Reply(string channel) => Target().SendArgs(channel, new IpcArgs());

        /// <summary>Sends a message with one argument back to the sender.</summary>
        public void Reply<T1>(string channel, T1 arg1) => Target().SendArgs(channel, new IpcArgs<T1>(arg1));

        /// <summary>Sends a message with two arguments back to the sender.</summary>
        public void Reply<T1, T2>(string channel, T1 arg1, T2 arg2) => Target().SendArgs(channel, new IpcArgs<T1, T2>(arg1, arg2));

        internal override void ResetReply()
        {
            IsSync = false;
            HasReturnValue = false;
            _returnValue = null;
        }

        internal override void Clear()
        {
            base.Clear();
            _returnValue = null;
            Ports = Array.Empty<MessagePortMain>();
        }

        private IIpcSender Target() => ReplyTarget ?? throw new InvalidOperationException("This event has no sender to reply to.");
    }
}
