using System;

namespace FrameIpc
{
    /// <summary>
    /// What a <see cref="MessagePortMain"/>'s <c>message</c> listener receives (Electron's <c>MessageEvent</c>): the message,
    /// read with <see cref="Data{T}"/> or as JSON. Valid until the listener returns. Ports inside port messages are not
    /// supported: a page that tries gets a DataCloneError, so there is no <c>Ports</c> here.
    /// </summary>
    public sealed class PortMessageEvent
    {
        private char[]? _buffer;
        private JsonRange _args;
        private int _maxDepth;
        private IpcJsonContext _json = IpcJsonContext.Default;

        internal PortMessageEvent() { }

        /// <summary>The port the message arrived on.</summary>
        public MessagePortMain Port { get; private set; } = null!;

        /// <summary>Reads the message as <typeparamref name="T"/>.</summary>
        public T Data<T>()
        {
            var buffer = DataSlice(out var range);
            try
            {
                return ValueCodec<T>.Read(buffer, range.Start, range.Length, _maxDepth, _json);
            }
            catch (Exception ex) when (!(ex is InvalidOperationException))
            {
                throw new IpcException(IpcErrorNames.Protocol, "a port message: " + TypeMismatch.Describe(typeof(T), buffer, range.Start, range.Length, ex),
                    IpcErrorCodes.Protocol, null, ex);
            }
        }

        /// <summary>The message as raw JSON text.</summary>
        public string DataJson
        {
            get
            {
                var buffer = DataSlice(out var range);
                return new string(buffer, range.Start, range.Length);
            }
        }

        internal void Set(MessagePortMain port, char[] buffer, JsonRange args, int maxDepth, IpcJsonContext json)
        {
            Port = port;
            _buffer = buffer;
            _args = args;
            _maxDepth = maxDepth;
            _json = json;
        }

        internal void Clear()
        {
            _buffer = null;
            Port = null!;
        }

        private static readonly char[] s_null = "null".ToCharArray();

        /// <summary>The first element of the message's <c>a</c> array (<c>null</c> when it is empty).</summary>
        private char[] DataSlice(out JsonRange range)
        {
            var buffer = _buffer ?? throw new InvalidOperationException("A PortMessageEvent is only readable while its listener runs.");
            var s = new JsonScanner(new ReadOnlySpan<char>(buffer, 0, _args.Start + _args.Length), _maxDepth, _args.Start);
            s.Expect('[');
            if (s.TryConsume(']'))
            {
                range = new JsonRange(0, s_null.Length);
                return s_null;
            }
            int start = s.SkipValue();
            range = new JsonRange(start, s.Position - start);
            return buffer;
        }
    }
}
