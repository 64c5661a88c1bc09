using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// One open WebSocket as an <see cref="IFrameTransport"/>: each text message is one frame.
    /// A receive loop decodes messages into pooled characters (<see cref="WebSocketMessageAssembler"/>) and hands the
    /// engine exactly the characters decoded; a single writer loop sends queued frames in order, so two sends never overlap on the socket. The send queue
    /// is bounded in characters and each write has a deadline: a page that stops reading is closed, never queued for
    /// without limit. The dev server creates one per connection.
    /// </summary>
    internal sealed class WebSocketFrameTransport : IFrameTransport
    {
        private const int ChunkBytes = WebSocketMessageAssembler.ChunkBytes;
        private static readonly Encoding Utf8 = new UTF8Encoding(false, false);

        private readonly WebSocket _socket;
        private readonly int _maxFrameChars;
        private readonly long _maxQueuedChars;
        private readonly long _sendTimeoutTicks;
        private readonly Queue<(char[] Buffer, int Length)> _outbox = new Queue<(char[], int)>();
        private readonly SemaphoreSlim _wake = new SemaphoreSlim(0);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly TaskCompletionSource<bool> _writerDone = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<bool> _closed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private IFrameReceiver? _receiver;
        private Timer? _watchdog;
        private string? _closeReason;
        private int _closedNotified;
        private long _queuedChars;     // queued or being written, guarded by _outbox
        private long _writeStartedAt;  // Stopwatch timestamp of the write in progress, 0 when idle

        /// <summary>
        /// Wraps an open socket. A frame longer than <paramref name="maxFrameChars"/> characters (default 1,048,576) is not
        /// buffered: the page gets a LimitError and the connection goes on. At most <paramref name="maxQueuedChars"/>
        /// characters (default 4,194,304) wait to be written, and one write may stall for at most
        /// <paramref name="sendTimeout"/> (default 10 s); past either the connection is closed as not reading.
        /// </summary>
        public WebSocketFrameTransport(WebSocket socket, int maxFrameChars = 1 << 20, int maxQueuedChars = 4 << 20, TimeSpan? sendTimeout = null)
        {
            _socket = socket ?? throw new ArgumentNullException(nameof(socket));
            if (maxFrameChars < 64) throw new ArgumentOutOfRangeException(nameof(maxFrameChars), "must be at least 64");
            if (maxQueuedChars < 64) throw new ArgumentOutOfRangeException(nameof(maxQueuedChars), "must be at least 64");
            var timeout = sendTimeout ?? TimeSpan.FromSeconds(10);
            if (timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(sendTimeout), "must be positive");
            _maxFrameChars = maxFrameChars;
            _maxQueuedChars = maxQueuedChars;
            _sendTimeoutTicks = (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        }

        /// <summary>True: the socket is served by thread-pool loops, so a blocked ticking thread still gets its answer.</summary>
        public bool CanBlockCurrentThread => true;

        /// <summary>Why the connection closed, or null while open.</summary>
        public string? CloseReason => Volatile.Read(ref _closeReason);

        /// <summary>Characters queued for the page and not yet written (the frame being written included).</summary>
        public long QueuedChars { get { lock (_outbox) return _queuedChars; } }

        /// <summary>Raised (on a thread-pool thread) when the transport refuses something itself: an oversize frame, a page that does not read.</summary>
        internal event Action<string>? Log;

        /// <summary>Completes once the connection is gone and the receiver was told.</summary>
        internal Task Completion => _closed.Task;

        /// <inheritdoc />
        public void Start(IFrameReceiver receiver)
        {
            if (Interlocked.CompareExchange(ref _receiver, receiver ?? throw new ArgumentNullException(nameof(receiver)), null) != null)
                throw new InvalidOperationException("WebSocketFrameTransport.Start was already called");
            var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond * 20, Math.Min(TimeSpan.TicksPerSecond, _sendTimeoutTicks * TimeSpan.TicksPerSecond / Stopwatch.Frequency / 4)));
            _watchdog = new Timer(s => ((WebSocketFrameTransport)s!).CheckStalledWrite(), this, period, period);
            _ = Task.Run(ReceiveLoop);
            _ = Task.Run(WriteLoop);
        }

        /// <inheritdoc />
        public void Send(ReadOnlySpan<char> frame)
        {
            string? overflow = null;
            char[]? buffer = null;
            lock (_outbox)
            {
                if (_closeReason != null)
                    throw new IpcException(IpcErrorNames.ViewGone, "The WebSocket is closed (" + _closeReason + ")", IpcErrorCodes.ViewGone);
                if (_queuedChars + frame.Length > _maxQueuedChars)
                    overflow = $"the page is not reading: {_queuedChars + frame.Length} characters would be queued for it, the limit is {_maxQueuedChars} (WebSocketDevServerOptions.MaxSendQueueChars)";
                else
                {
                    buffer = CharBufferPool.Shared.Rent(Math.Max(frame.Length, 1));
                    frame.CopyTo(buffer);
                    _outbox.Enqueue((buffer, frame.Length));
                    _queuedChars += frame.Length;
                }
            }
            if (overflow != null)
            {
                Log?.Invoke(overflow);
                Shutdown(overflow);
                throw new IpcException(IpcErrorNames.ViewGone, "The WebSocket was closed: " + overflow, IpcErrorCodes.ViewGone);
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
            var assembler = new WebSocketMessageAssembler(_maxFrameChars);
            string reason = "WebSocket closed";
            try
            {
                while (true)
                {
                    var result = await _socket.ReceiveAsync(assembler.Chunk, _stop.Token).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        reason = ClosedByPage(_socket.CloseStatus, _socket.CloseStatusDescription);
                        // The writer answers the close after what is still queued, so two sends never overlap.
                        Close(reason);
                        await Task.WhenAny(_writerDone.Task, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
                        break;
                    }
                    if (!assembler.Add(result.Count, result.EndOfMessage)) continue;
                    if (assembler.OversizeChars > 0) RefuseOversize(assembler.OversizeChars);
                    else _receiver!.OnFrame(assembler.Frame); // only the characters decoded: a pooled buffer's rest is another frame's data
                    assembler.Next();
                }
            }
            catch (OperationCanceledException) { reason = CloseReason ?? "closed"; }
            catch (Exception ex) { reason = CloseReason ?? Ended(ex); }
            finally
            {
                assembler.Dispose();
                Shutdown(CloseReason ?? reason);
            }
        }

        /// <summary>
        /// Why the page's close frame closed the view. A normal close (1000) or "going away" (1001: what a browser sends when
        /// the page reloads, navigates or its tab closes) is the page's ordinary life, and says so; any other code is kept as
        /// the page gave it.
        /// </summary>
        internal static string ClosedByPage(WebSocketCloseStatus? status, string? description)
        {
            string code = (int?)status + (string.IsNullOrEmpty(description) ? "" : " " + description);
            return status == WebSocketCloseStatus.NormalClosure || status == WebSocketCloseStatus.EndpointUnavailable
                ? "the page closed or reloaded (WebSocket close " + code + ")"
                : "the page closed the WebSocket (" + code + ")";
        }

        /// <summary>
        /// Why a read or write ended the socket. A browser reloading a busy page often drops the connection without the close
        /// handshake; on loopback (the dev server's only address) a peer that ends or resets the socket is the page going
        /// away, not a failure. Anything else is.
        /// </summary>
        internal static string Ended(Exception ex)
        {
            for (var e = ex; e != null; e = e.InnerException)
                if ((e is WebSocketException w && w.WebSocketErrorCode == WebSocketError.ConnectionClosedPrematurely) ||
                    (e is System.Net.Sockets.SocketException s && (s.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionReset ||
                        s.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionAborted || s.SocketErrorCode == System.Net.Sockets.SocketError.Shutdown)))
                    return "the page closed or reloaded (its WebSocket ended without a close frame)";
            return "WebSocket failed: " + ex.Message;
        }

        // A frame over this transport's limit never reaches the engine (whose own limit may be higher): the page gets
        // the LimitError notice the engine would have sent, and the connection goes on.
        private void RefuseOversize(long chars)
        {
            string message = $"Frame of {chars} characters refused: the limit is {_maxFrameChars}";
            Log?.Invoke(message);
            string notice = "{\"k\":\"error\",\"e\":{\"name\":\"" + IpcErrorNames.Limit + "\",\"message\":\"" + message + "\",\"code\":\"" + IpcErrorCodes.Limit + "\"}}";
            try { Send(notice.AsSpan()); }
            catch (IpcException) { /* closed meanwhile, or closed for not reading: nothing more to tell */ }
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
                        Volatile.Write(ref _writeStartedAt, Stopwatch.GetTimestamp());
                        await _socket.SendAsync(new ReadOnlyMemory<byte>(bytes, 0, count), WebSocketMessageType.Text, true, _stop.Token).ConfigureAwait(false);
                        Volatile.Write(ref _writeStartedAt, 0);
                    }
                    finally
                    {
                        CharBufferPool.Shared.Return(item.Buffer);
                        lock (_outbox) _queuedChars -= item.Length;
                    }
                }
                await CloseSocketAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) { }
            catch (Exception ex) { Shutdown(Ended(ex)); }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
                DrainOutbox();
                _writerDone.TrySetResult(true);
            }
        }

        // A write that does not finish means the page (or its machine) stopped reading: the socket's buffers are full.
        private void CheckStalledWrite()
        {
            long started = Volatile.Read(ref _writeStartedAt);
            if (started == 0 || Stopwatch.GetTimestamp() - started < _sendTimeoutTicks) return;
            string reason = $"the page is not reading: one write stalled for more than {TimeSpan.FromSeconds((double)_sendTimeoutTicks / Stopwatch.Frequency).TotalSeconds:0.###} s (WebSocketDevServerOptions.SendTimeout)";
            Log?.Invoke(reason);
            Shutdown(reason);
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
            if (!answering) _ = Task.Delay(TimeSpan.FromSeconds(2)).ContinueWith((_, s) => ((WebSocketFrameTransport)s!).Shutdown(((WebSocketFrameTransport)s!).CloseReason ?? "closed"), this, TaskScheduler.Default);
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
            _watchdog?.Dispose();
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
                while (_outbox.Count > 0)
                {
                    var item = _outbox.Dequeue();
                    _queuedChars -= item.Length;
                    CharBufferPool.Shared.Return(item.Buffer);
                }
            }
        }
    }
}
