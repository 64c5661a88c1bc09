using System;

namespace FrameIpc
{
    /// <summary>A listener registered with <c>On</c> or <c>Once</c>; <see cref="Key"/> is the user's delegate, for <c>Off</c>.</summary>
    internal abstract class IpcListener
    {
        protected IpcListener(Delegate key, bool once)
        {
            Key = key;
            Once = once;
        }

        public Delegate Key { get; }
        public bool Once { get; }

        public abstract void Invoke(IpcEvent e);
    }

    internal sealed class EventListener : IpcListener
    {
        private readonly Action<IpcEvent> _action;
        public EventListener(Action<IpcEvent> action, bool once) : base(action, once) { _action = action; }
        public override void Invoke(IpcEvent e) => _action(e);
    }

    internal sealed class EventListener<T1> : IpcListener
    {
        private readonly Action<IpcEvent, T1> _action;
        public EventListener(Action<IpcEvent, T1> action, bool once) : base(action, once)
        {
            _action = action;
            ValueCodec<T1>.Prepare(); // at registration, not in the tick of the first message
        }
        public override void Invoke(IpcEvent e) => _action(e, e.Arg<T1>(0));
    }
}
