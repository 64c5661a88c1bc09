using System;
using System.Buffers;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// One open WebSocket as an <see cref="IFrameTransport"/>: each text message is one frame.
    /// A receive loop reassembles messages into pooled buffers; a single writer loop sends queued frames in order,
    /// so two sends never overlap on the socket. <see cref="WebSocketDevServer"/> creates one per connection.
    /// </summary>
    public sealed class WebSocketFrameTransport : IFrameTransport
    {
        private const int ChunkBytes = 16 * 1024;
        private static readonly Encoding Utf8 = new UTF8Encoding(false, false);

        private readonly WebSocket _socket;
        private readonly int _maxFrameChars;
        private readonly Queue<(char[] Buffer, int Length)> _outbox = new Queue<(char[], int)>();
        private readonly SemaphoreSlim _wake = new SemaphoreSlim(0);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly TaskCompletionSource<bool> _writerDone = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<bool> _closed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private IFrameReceiver? _receiver;
        private string? _closeReason;
        private int _closedNotified;

        /// <summary>Wraps an open socket. Frames longer than <paramref name="maxFrameChars"/> (default 1,048,576) are not buffered whole.</summary>
        public WebSocketFrameTransport(WebSocket socket, int maxFrameChars = 1 << 20)
        {
            _socket = socket ?? throw new ArgumentNullException(nameof(socket));
            if (maxFrameChars < 64) throw new ArgumentOutOfRangeException(nameof(maxFrameChars), "must be at least 64");
            _maxFrameChars = maxFrameChars;
        }

        /// <summary>True: the socket is served by thread-pool loops, so a blocked ticking thread still gets its answer.</summary>
        public bool CanBlockCurrentThread => true;

        /// <summary>Why the connection closed, or null while open.</summary>
        public string? CloseReason => Volatile.Read(ref _closeReason);

        /// <summary>Completes once the connection is gone and the receiver was told.</summary>
        internal Task Completion => _closed.Task;

        /// <inheritdoc />
        public void Start(IFrameReceiver receiver)
        {
            if (Interlocked.CompareExchange(ref _receiver, receiver ?? throw new ArgumentNullException(nameof(receiver)), null) != null)
                throw new InvalidOperationException("WebSocketFrameTransport.Start was already called");
            _ = Task.Run(ReceiveLoop);
            _ = Task.Run(WriteLoop);
        }

        /// <inheritdoc />
        public void Send(ReadOnlySpan<char> frame)
        {
            var buffer = CharBufferPool.Shared.Rent(Math.Max(frame.Length, 1));
            frame.CopyTo(buffer);
            lock (_outbox)
            {
                if (_closeReason != null)
                {
                    CharBufferPool.Shared.Return(buffer);
                    throw new IpcException(IpcErrorNames.ViewGone, "The WebSocket is closed (" + _closeReason + ")", IpcErrorCodes.ViewGone);
                }
                _outbox.Enqueue((buffer, frame.Length));
            }
            _wake.Release();
        }

        /// <summary>Sends what is queued, then closes the socket normally with <paramref name="reason"/>.</summary>
        public void Close(string reason)
        {
            lock (_outbox)
            {
                if (_closeReason != null) return;
                _closeReason = reason ?? "closed";
            }
            _wake.Release(); // the writer drains the outbox and sends the close frame
        }

        /// <summary>Closes the connection ("disposed").</summary>
        public void Dispose() => Close("disposed");

        private async Task ReceiveLoop()
        {
            byte[] chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            byte[] message = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            int length = 0;
            bool oversize = false;
            long maxBytes = (long)_maxFrameChars * 3; // UTF-8 needs at most 3 bytes per UTF-16 char
            string reason = "WebSocket closed";
            try
            {
                while (true)
                {
                    var result = await _socket.ReceiveAsync(new Memory<byte>(chunk), _stop.Token).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        reason = "the page closed the WebSocket (" + (int?)_socket.CloseStatus + (string.IsNullOrEmpty(_socket.CloseStatusDescription) ? "" : " " + _socket.CloseStatusDescription) + ")";
                        // The writer answers the close after what is still queued, so two sends never overlap.
                        Close(reason);
                        await Task.WhenAny(_writerDone.Task, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
                        break;
                    }
                    if (length == 0 && !oversize && result.EndOfMessage && result.Count <= maxBytes)
                    {
                        Deliver(chunk, result.Count); // the common case, a frame in one read: no copy
                        continue;
                    }
                    if (!oversize)
                    {
                        if (length + result.Count > maxBytes) oversize = true; // certainly over the limit: stop buffering
                        else
                        {
                            if (length + result.Count > message.Length) message = Grow(message, length, length + result.Count);
                            Buffer.BlockCopy(chunk, 0, message, length, result.Count);
                            length += result.Count;
                        }
                    }
                    if (!result.EndOfMessage) continue;
                    if (oversize) DeliverOversize();
                    else Deliver(message, length);
                    length = 0;
                    oversize = false;
                }
            }
            catch (OperationCanceledException) { reason = CloseReason ?? "closed"; }
            catch (Exception ex) { reason = CloseReason ?? "WebSocket failed: " + ex.Message; }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
                ArrayPool<byte>.Shared.Return(message);
                Shutdown(CloseReason ?? reason);
            }
        }

        private static byte[] Grow(byte[] old, int used, int needed)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, old.Length * 2));
            Buffer.BlockCopy(old, 0, bigger, 0, used);
            ArrayPool<byte>.Shared.Return(old);
            return bigger;
        }

        private void Deliver(byte[] bytes, int length)
        {
            int chars = Utf8.GetCharCount(bytes, 0, length);
            var buffer = CharBufferPool.Shared.Rent(Math.Max(chars, 1));
            try
            {
                Utf8.GetChars(bytes, 0, length, buffer, 0);
                _receiver!.OnFrame(new ReadOnlySpan<char>(buffer, 0, chars));
            }
            finally { CharBufferPool.Shared.Return(buffer); }
        }

        // The core refuses frames by length alone, answering the page with a LimitError; a span one char over the
        // limit tells it so without this side holding the whole message.
        private void DeliverOversize()
        {
            var buffer = CharBufferPool.Shared.Rent(_maxFrameChars + 1);
            try { _receiver!.OnFrame(new ReadOnlySpan<char>(buffer, 0, _maxFrameChars + 1)); }
            finally { CharBufferPool.Shared.Return(buffer); }
        }

        private async Task WriteLoop()
        {
            byte[] bytes = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            try
            {
                while (true)
                {
                    await _wake.WaitAsync(_stop.Token).ConfigureAwait(false);
                    (char[] Buffer, int Length) item;
                    lock (_outbox)
                    {
                        if (_outbox.Count == 0)
                        {
                            if (_closeReason != null) break;
                            continue;
                        }
                        item = _outbox.Dequeue();
                    }
                    try
                    {
                        int needed = Utf8.GetMaxByteCount(item.Length);
                        if (needed > bytes.Length)
                        {
                            ArrayPool<byte>.Shared.Return(bytes);
                            bytes = ArrayPool<byte>.Shared.Rent(needed);
                        }
                        int count = Utf8.GetBytes(item.Buffer, 0, item.Length, bytes, 0);
                        await _socket.SendAsync(new ReadOnlyMemory<byte>(bytes, 0, count), WebSocketMessageType.Text, true, _stop.Token).ConfigureAwait(false);
                    }
                    finally { CharBufferPool.Shared.Return(item.Buffer); }
                }
                await CloseSocketAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) { }
            catch (Exception ex) { Shutdown("WebSocket failed: " + ex.Message); }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
                DrainOutbox();
                _writerDone.TrySetResult(true);
            }
        }

        private async Task CloseSocketAsync()
        {
            var state = _socket.State;
            if (state != WebSocketState.Open && state != WebSocketState.CloseReceived) { _socket.Abort(); return; }
            var description = CloseReason ?? "closed";
            if (description.Length > 60) description = description.Substring(0, 60); // a close reason has at most 123 bytes
            bool answering = state == WebSocketState.CloseReceived;
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
            {
                try { await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, description, timeout.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) { _socket.Abort(); }
            }
            // Closing first: the receive loop ends when the page answers; if it never does, stop waiting.
            if (!answering) _ = Task.Delay(TimeSpan.FromSeconds(2)).ContinueWith(_ => Shutdown(CloseReason ?? "closed"), TaskScheduler.Default);
        }

        // Both loops end here; the receiver hears about it once, and the socket is let go.
        private void Shutdown(string reason)
        {
            lock (_outbox)
            {
                if (_closeReason == null) _closeReason = reason;
            }
            _wake.Release();
            if (Interlocked.Exchange(ref _closedNotified, 1) != 0) return;
            try { _stop.Cancel(); } catch (ObjectDisposedException) { }
            _socket.Abort();
            _socket.Dispose();
            try { _receiver?.OnClosed(reason); }
            finally { _closed.TrySetResult(true); }
        }

        private void DrainOutbox()
        {
            lock (_outbox)
            {
                while (_outbox.Count > 0) CharBufferPool.Shared.Return(_outbox.Dequeue().Buffer);
            }
        }
    }
}
