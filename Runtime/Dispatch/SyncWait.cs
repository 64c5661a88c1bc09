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
        private readonly int _maxDepth;
        private long _id;
        private InboundFrame? _frame;
        private int _start;
        private int _end;
        private string? _abort;
        private int[] _bounds = new int[2];

        public SyncWait(int maxDepth)
        {
            _maxDepth = maxDepth;
        }

        public ChannelNames Names => _names;

        public void Arm(long id)
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
        public InboundFrame? Wait(TimeSpan timeout, out string? abort, out int start, out int end)
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
