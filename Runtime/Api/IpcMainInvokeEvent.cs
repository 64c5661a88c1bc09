using System;
using System.Threading;

namespace FrameIpc
{
    /// <summary>
    /// What an invoke handler receives (<c>Handle</c>, <c>HandleOnce</c>), as Electron's <c>IpcMainInvokeEvent</c>: the
    /// sender and the arguments, and no <c>Reply</c> or <c>ReturnValue</c>, which mean nothing to an invoke (its answer is
    /// the handler's return value). A listener gets the derived <see cref="IpcEvent"/>. The event and its arguments are
    /// valid until the callback returns (an asynchronous handler gets its own copy, valid until its task ends).
    /// A C# renderer's handlers get the same type.
    /// </summary>
    public class IpcMainInvokeEvent
    {
        private char[]? _buffer;
        private JsonRange _args;
        private int _argCount = -1; // -1 until the arguments are indexed, on the first read
        private int[] _argStarts = new int[4];
        private int[] _argLengths = new int[4];
        private int _maxDepth;
        private IpcJsonContext _json = IpcJsonContext.Default;
        internal IIpcSender? ReplyTarget;

        // Only IpcEvent derives: the event types are FrameIPC's to make, as Electron's are.
        internal IpcMainInvokeEvent() { }

        /// <summary>The channel the message came on.</summary>
        public string Channel { get; private set; } = "";

        /// <summary>The view that sent it (engine side), or null on the renderer side.</summary>
        public WebContents? Sender { get; private set; }

        /// <summary>
        /// Electron's <c>senderFrame</c>: the frame that sent it (the view's <see cref="WebContents.MainFrame"/> for its top
        /// page), or null on the renderer side. A listener's <c>Reply</c> goes to this frame.
        /// </summary>
        public WebFrameMain? SenderFrame { get; internal set; }

        /// <summary>The sending view's id; on the renderer side, the view that relayed it with SendTo, or 0 for the engine.</summary>
        public int SenderId { get; private set; }

        /// <summary>Cancelled when the invoke's caller cancels, times out, or goes away. None for listeners and synchronous handlers.</summary>
        public CancellationToken CancellationToken { get; private set; }

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
                return ValueCodec<T>.Read(_buffer!, range.Start, range.Length, _maxDepth, _json);
            }
            catch (Exception ex) when (!(ex is InvalidOperationException))
            {
                throw new IpcException(IpcErrorNames.Protocol,
                    $"arg {index} of '{Channel}': {TypeMismatch.Describe(typeof(T), _buffer!, range.Start, range.Length, ex)}", IpcErrorCodes.Protocol, null, ex);
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

        internal void Set(string channel, WebContents? sender, int senderId, IIpcSender? replyTarget, char[] buffer, JsonRange args, int maxDepth, IpcJsonContext json)
        {
            Channel = channel;
            Sender = sender;
            SenderId = senderId;
            ReplyTarget = replyTarget;
            _buffer = buffer;
            _args = args;
            _argCount = -1;
            _maxDepth = maxDepth;
            _json = json;
            CancellationToken = default;
            ResetReply();
        }

        /// <summary>Clears what only a listener's event carries (a sync caller's return value).</summary>
        internal virtual void ResetReply() { }

        internal virtual void Clear()
        {
            _buffer = null;
            _args = default;
            Sender = null;
            SenderFrame = null;
            ReplyTarget = null;
        }

        /// <summary>A copy that owns its arguments, for a handler that keeps running after the frame is released.</summary>
        internal IpcMainInvokeEvent Detach(CancellationToken token)
        {
            var copy = new IpcMainInvokeEvent();
            char[] own = _args.IsPresent ? new char[_args.Length] : Array.Empty<char>();
            if (_args.IsPresent) Array.Copy(Buffer(), _args.Start, own, 0, _args.Length);
            copy.Set(Channel, Sender, SenderId, ReplyTarget, own, new JsonRange(0, own.Length), _maxDepth, _json);
            copy.CancellationToken = token;
            copy.SenderFrame = SenderFrame;
            return copy;
        }

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
                // The frame was validated when it arrived, and reading the envelope found where the first argument ends.
                int start = n == 0 && _args.FirstEnd > 0 ? s.SkipKnownValue(_args.FirstEnd) : s.SkipValidatedValue();
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
