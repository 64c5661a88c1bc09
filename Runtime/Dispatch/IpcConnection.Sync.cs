using System;
using System.Threading;

namespace FrameIpc
{
    internal sealed partial class IpcConnection
    {
        private readonly object _syncGate = new object();

        /// <summary>Renderer side: sends a <c>sync</c> envelope with everything queued before it, and blocks for the answer.</summary>
        public TResult SendSync<TArgs, TResult>(string channel, in TArgs args, TimeSpan? timeout) where TArgs : struct, IIpcArgs
        {
            CheckChannel(channel);
            if (_syncWait == null) throw new InvalidOperationException("SendSync is a renderer-side call.");
            if (!_transport.CanBlockCurrentThread)
                throw new InvalidOperationException(
                    $"SendSync('{channel}') would deadlock: this thread also ticks the engine, so the answer could never be produced. " +
                    "Use InvokeAsync, or call SendSync from another thread.");
            var wait = timeout ?? _options.DefaultInvokeTimeout;
            lock (_syncGate)
            {
                lock (_gate)
                {
                    EnsureCanSend(channel);
                    long id = ++_nextId;
                    _out.Begin(EnvelopeKind.Sync);
                    _out.Int("id", id);
                    _out.String("ch", channel);
                    WriteArgs(channel, args);
                    _out.End(channel);
                    _syncWait.Arm(id);
                }
                Flush();
                var frame = _syncWait.Wait(wait, out var abort, out int start, out int end);
                if (frame == null)
                {
                    if (abort != null) throw IpcException.ForInvoke(channel, IpcErrorNames.ViewGone, $"the connection closed ({abort})", IpcErrorCodes.ViewGone, null);
                    throw IpcException.ForInvoke(channel, IpcErrorNames.Timeout, $"no answer within {(long)wait.TotalMilliseconds} ms", IpcErrorCodes.Timeout, null);
                }
                var e = IpcPools.Rent(Envelope.Pool);
                try
                {
                    EnvelopeReader.Read(frame.Buffer, start, end, _options.MaxDepth, _options.MaxChannelChars, _syncWait.Names, e);
                    if (e.Error.IsPresent)
                    {
                        EnvelopeReader.ReadError(frame.Buffer, e.Error, _options.MaxDepth, out var name, out var message, out var code, out var data);
                        throw IpcException.ForInvoke(channel, name, message, code, data);
                    }
                    return e.Result.IsPresent ? ValueCodec<TResult>.Read(frame.Buffer, e.Result.Start, e.Result.Length, _options.MaxDepth) : default!;
                }
                finally
                {
                    IpcPools.Return(Envelope.Pool, e);
                    frame.Release();
                }
            }
        }
    }
}
