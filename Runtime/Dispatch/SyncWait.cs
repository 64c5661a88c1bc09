using System;
using System.Threading;

namespace FrameIpc
{
    /// <summary>
    /// The renderer's one blocked <c>SendSync</c>. Its thread is blocked, so it cannot tick: the result is picked out of
    /// the inbound stream on the transport's thread instead, by looking at each frame while a call is waiting.
    /// </summary>
    internal sealed class SyncWait : IDisposable
    {
        private readonly ManualResetEventSlim _signal = new ManualResetEventSlim(false);
        private readonly ChannelNames _names = new ChannelNames();
        private readonly object _lock = new object();
        private readonly object _callGate = new object(); // one blocked call at a time
        private readonly int _maxDepth;
        private readonly IpcJsonContext _json;
        private long _id;
        private InboundFrame? _frame;
        private int _start;
        private int _end;
        private string? _abort;
        private int[] _bounds = new int[2];

        public SyncWait(int maxDepth, IpcJsonContext? json = null)
        {
            _maxDepth = maxDepth;
            _json = json ?? IpcJsonContext.Default;
        }

        public ChannelNames Names => _names;

        /// <summary>Sends a <c>sync</c> envelope with everything queued before it, and blocks for the answer.</summary>
        public TResult Call<TArgs, TResult>(Outbox outbox, IFrameTransport transport, string channel, in TArgs args, TimeSpan wait)
            where TArgs : struct, IIpcArgs
        {
            if (!transport.CanBlockCurrentThread)
                throw new InvalidOperationException(
                    $"SendSync('{channel}') would deadlock: this thread also ticks the engine, so the answer could never be produced. " +
                    "Use InvokeAsync, or call SendSync from another thread.");
            lock (_callGate)
            {
                lock (outbox.Gate) Arm(outbox.WriteRequest(EnvelopeKind.Sync, channel, args, -1));
                outbox.Flush();
                var frame = Wait(wait, out var abort, out int start, out int end);
                if (frame == null)
                {
                    if (abort != null) throw IpcException.ForInvoke(channel, IpcErrorNames.ViewGone, $"the connection closed ({abort})", IpcErrorCodes.ViewGone, null);
                    throw IpcException.ForInvoke(channel, IpcErrorNames.Timeout, $"no answer within {(long)wait.TotalMilliseconds} ms", IpcErrorCodes.Timeout, null);
                }
                var e = IpcPools.Rent(Envelope.Pool);
                try
                {
                    EnvelopeReader.Read(frame.Buffer, start, end, _maxDepth, int.MaxValue, _names, e);
                    if (e.Error.IsPresent)
                    {
                        EnvelopeReader.ReadError(frame.Buffer, e.Error, _maxDepth, out var name, out var message, out var code, out var data);
                        throw IpcException.ForInvoke(channel, name, message, code, data);
                    }
                    if (!e.Result.IsPresent) return default!;
                    try
                    {
                        return ValueCodec<TResult>.Read(frame.Buffer, e.Result.Start, e.Result.Length, _maxDepth, _json);
                    }
                    catch (Exception ex) when (!(ex is IpcException))
                    {
                        throw new IpcException(IpcErrorNames.Protocol,
                            $"the result of '{channel}': {TypeMismatch.Describe(typeof(TResult), frame.Buffer, e.Result.Start, e.Result.Length, ex)}",
                            IpcErrorCodes.Protocol, null, ex);
                    }
                }
                finally
                {
                    IpcPools.Return(Envelope.Pool, e);
                    frame.Release();
                }
            }
        }

        private void Arm(long id)
        {
            lock (_lock)
            {
                _id = id;
                _frame = null;
                _abort = null;
                _signal.Reset();
            }
        }

        /// <summary>True when <paramref name="text"/> is the awaited result; the caller must then not queue it.</summary>
        public bool TryAccept(ReadOnlySpan<char> text)
        {
            if (Interlocked.Read(ref _id) == 0) return false;
            var frame = InboundFrame.Rent(text);
            var e = IpcPools.Rent(Envelope.Pool);
            bool mine = false;
            try
            {
                EnvelopeReader.Validate(frame.Buffer, frame.Length, _maxDepth, out bool batch, ref _bounds, out int count);
                int start = 0, end = frame.Length;
                if (batch)
                {
                    if (count != 1) return false; // the engine sends a sync answer alone
                    start = _bounds[0];
                    end = _bounds[1];
                }
                EnvelopeReader.Read(frame.Buffer, start, end, _maxDepth, int.MaxValue, _names, e); // only a result (no channel) is taken here
                lock (_lock)
                {
                    if (e.Kind != EnvelopeKind.Result || e.Id != _id) return false;
                    _frame = frame;
                    _start = start;
                    _end = end;
                    _id = 0;
                    mine = true;
                    _signal.Set();
                    return true;
                }
            }
            catch (Exception)
            {
                return false; // not ours to judge: the frame is queued and the tick reports it
            }
            finally
            {
                IpcPools.Return(Envelope.Pool, e);
                if (!mine) frame.Release();
            }
        }

        public void Abort(string reason)
        {
            lock (_lock)
            {
                if (_id == 0) return;
                _abort = reason;
                _signal.Set();
            }
        }

        /// <summary>Blocks until the result, an abort, or the timeout; the caller releases the returned frame.</summary>
        private InboundFrame? Wait(TimeSpan timeout, out string? abort, out int start, out int end)
        {
            _signal.Wait(timeout);
            lock (_lock)
            {
                abort = _abort;
                start = _start;
                end = _end;
                var frame = _frame;
                _frame = null;
                _id = 0;
                _abort = null;
                return frame;
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _frame?.Release();
                _frame = null;
            }
            _signal.Dispose();
        }
    }
}
