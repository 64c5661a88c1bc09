using System;
using System.Threading;

namespace FrameIpc
{
    /// <summary>
    /// What a listener or handler receives, as Electron's <c>IpcMainEvent</c>/<c>IpcRendererEvent</c>. The event and its
    /// arguments are valid until the callback returns (an asynchronous handler gets its own copy, valid until its task ends).
    /// </summary>
    public sealed class IpcEvent
    {
        private char[]? _buffer;
        private JsonRange _args;
        private int _argCount = -1; // -1 until the arguments are indexed, on the first read
        private int[] _argStarts = new int[4];
        private int[] _argLengths = new int[4];
        private int _maxDepth;
        internal IIpcSender? ReplyTarget;
        internal bool IsSync;
        internal bool HasReturnValue;
        private object? _returnValue;

        /// <summary>The channel the message came on.</summary>
        public string Channel { get; private set; } = "";

        /// <summary>The view that sent it (engine side), or null on the renderer side.</summary>
        public WebContents? Sender { get; private set; }

        /// <summary>The sending view's id; on the renderer side, the view that relayed it with SendTo, or 0 for the engine.</summary>
        public int SenderId { get; private set; }

        /// <summary>Cancelled when the invoke's caller cancels, times out, or goes away. None for listeners and synchronous handlers.</summary>
        public CancellationToken CancellationToken { get; private set; }

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

        /// <summary>How many arguments the message carries.</summary>
        public int ArgCount
        {
            get
            {
                if (_argCount < 0) IndexArgs();
                return _argCount;
            }
        }

        /// <summary>Reads argument <paramref name="index"/> as <typeparamref name="T"/> (primitives directly, the rest with Newtonsoft).</summary>
        public T Arg<T>(int index)
        {
            var range = ArgRange(index);
            try
            {
                return ValueCodec<T>.Read(_buffer!, range.Start, range.Length, _maxDepth);
            }
            catch (Exception ex) when (!(ex is InvalidOperationException))
            {
                throw new IpcException(IpcErrorNames.Protocol,
                    $"Argument {index} of '{Channel}' cannot be read as {typeof(T).Name}: {ex.Message}", IpcErrorCodes.Protocol, null, ex);
            }
        }

        /// <summary>Argument <paramref name="index"/> as raw JSON text.</summary>
        public string ArgJson(int index)
        {
            var range = ArgRange(index);
            return new string(_buffer!, range.Start, range.Length);
        }

        /// <summary>All arguments as one raw JSON array.</summary>
        public string ArgsJson => _args.IsPresent ? new string(Buffer(), _args.Start, _args.Length) : "[]";

        /// <summary>Sends a message back to whoever sent this one (Electron's <c>event.reply</c>).</summary>
        public void Reply(string channel) => Target().SendArgs(channel, new IpcArgs());

        /// <summary>Sends a message with one argument back to the sender.</summary>
        public void Reply<T1>(string channel, T1 arg1) => Target().SendArgs(channel, new IpcArgs<T1>(arg1));

        /// <summary>Sends a message with two arguments back to the sender.</summary>
        public void Reply<T1, T2>(string channel, T1 arg1, T2 arg2) => Target().SendArgs(channel, new IpcArgs<T1, T2>(arg1, arg2));

        internal void Set(string channel, WebContents? sender, int senderId, IIpcSender? replyTarget, char[] buffer, JsonRange args, int maxDepth)
        {
            Channel = channel;
            Sender = sender;
            SenderId = senderId;
            ReplyTarget = replyTarget;
            _buffer = buffer;
            _args = args;
            _argCount = -1;
            _maxDepth = maxDepth;
            IsSync = false;
            HasReturnValue = false;
            _returnValue = null;
            CancellationToken = default;
        }

        internal void Clear()
        {
            _buffer = null;
            _args = default;
            _returnValue = null;
            Sender = null;
            ReplyTarget = null;
        }

        /// <summary>A copy that owns its arguments, for a handler that keeps running after the frame is released.</summary>
        internal IpcEvent Detach(CancellationToken token)
        {
            var copy = new IpcEvent();
            char[] own = _args.IsPresent ? new char[_args.Length] : Array.Empty<char>();
            if (_args.IsPresent) Array.Copy(Buffer(), _args.Start, own, 0, _args.Length);
            copy.Set(Channel, Sender, SenderId, ReplyTarget, own, new JsonRange(0, own.Length), _maxDepth);
            copy.CancellationToken = token;
            return copy;
        }

        private IIpcSender Target() => ReplyTarget ?? throw new InvalidOperationException("This event has no sender to reply to.");

        private char[] Buffer() => _buffer ?? throw new InvalidOperationException(
            "An IpcEvent's arguments are only readable while its listener or handler runs; read them before the first await.");

        private JsonRange ArgRange(int index)
        {
            Buffer();
            if (_argCount < 0) IndexArgs();
            if (index < 0 || index >= _argCount) throw ArgMissing(index);
            return new JsonRange(_argStarts[index], _argLengths[index]);
        }

        /// <summary>Finds where each argument starts and ends, once per message, however many are read.</summary>
        private void IndexArgs()
        {
            var buffer = Buffer();
            _argCount = 0;
            if (!_args.IsPresent) return;
            var s = new JsonScanner(new ReadOnlySpan<char>(buffer, 0, _args.Start + _args.Length), _maxDepth, _args.Start);
            s.Expect('[');
            if (s.TryConsume(']')) return;
            int n = 0;
            do
            {
                int start = s.SkipValue();
                if (n == _argStarts.Length)
                {
                    Array.Resize(ref _argStarts, n * 2);
                    Array.Resize(ref _argLengths, n * 2);
                }
                _argStarts[n] = start;
                _argLengths[n] = s.Position - start;
                n++;
            } while (s.TryConsume(','));
            _argCount = n;
        }

        private IpcException ArgMissing(int index) =>
            new IpcException(IpcErrorNames.Protocol, $"'{Channel}' has no argument {index} (it carries {ArgCount})", IpcErrorCodes.Protocol);
    }
}
