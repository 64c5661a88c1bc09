using System;
using System.Collections.Generic;
using System.IO;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using FrameIpc.TestSupport;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    /// <summary>
    /// WebSocketFrameTransport's bounds: the frame limit counted in characters (not 3x in bytes), an oversize frame never
    /// handing the engine a pooled buffer's old contents, and the send queue bounded with a write deadline.
    /// </summary>
    [TestFixture]
    public sealed class DevServerTransportTests
    {
        private const int Limit = 1023; // below the engine's 1 Mi: the transport's own limit is the one that bites
        private IpcMain _main;
        private EngineLoop _engine;
        private WebSocketDevServer _server;
        private readonly List<string> _log = new List<string>();
        private long _outstandingBefore;

        [SetUp]
        public void StartServer()
        {
            _outstandingBefore = IpcPools.Outstanding;
            _main = new IpcMain();
            _engine = new EngineLoop(_main);
            _server = new WebSocketDevServer(_main, new WebSocketDevServerOptions { Enabled = true, Port = 0, PersistToken = false, MaxFrameChars = Limit });
            _server.Log += line => { lock (_log) _log.Add(line); };
            _server.Start();
        }

        [TearDown]
        public async Task StopServer()
        {
            _server.Stop();
            await _engine.Run(() => { _engine.Ticking = false; _main.Dispose(); });
            _engine.Dispose();
            lock (_log) _log.Clear();
            Assert.That(_engine.TickFailure, Is.Null);
            await BrowserSuite.Until(() => IpcPools.Outstanding == _outstandingBefore, "every pooled object and buffer to be returned");
        }

        private async Task<RawWebSocketClient> ConnectAsync()
        {
            var client = new RawWebSocketClient();
            Assert.That(await client.TryConnectAsync(_server.WebSocketUrl + "?token=" + _server.Token), Is.True);
            await client.SendAsync("{\"k\":\"hello\",\"v\":1}");
            await client.ReceiveContainingAsync("\"ready\"");
            return client;
        }

        // A send envelope padded with spaces to exactly `length` characters of `fill` in its one string argument.
        private static string SendOfLength(string channel, int length, char fill = 'x')
        {
            string start = "{\"k\":\"send\",\"ch\":\"" + channel + "\",\"a\":[\"";
            const string end = "\"]}";
            return start + new string(fill, length - start.Length - end.Length) + end;
        }

        [Test]
        public async Task OversizeFramesNeverReplayAnotherViewsFrame()
        {
            // Issue 14: with the server's limit below the engine's, each oversize frame handed the engine an uninitialised
            // pooled buffer, which still held the victim's last frame: the engine dispatched the secret again, as the attacker's.
            var secrets = new List<(int Sender, string Text)>();
            await _engine.Run(() =>
            {
                _main.On<string>("secret", (e, text) => { lock (secrets) secrets.Add((e.SenderId, text)); });
                _main.Handle("flush", e => true);
            });
            using var victim = await ConnectAsync();
            using var attacker = await ConnectAsync();
            int victimId = _main.Views[0].Id;
            // The victim's frames fill buffers of the size the oversize path used to rent (the limit + 1 = 1,024 chars);
            // the first one, a character over the limit, fills it to its last character (the old code let it through,
            // as it counted the limit as 3 bytes a character).
            string secret = "{\"k\":\"send\",\"ch\":\"secret\",\"a\":[\"hunter2\"]}";
            await victim.SendAsync(secret + new string(' ', Limit + 1 - secret.Length));
            string padded = secret + new string(' ', Limit - secret.Length);

            const int Rounds = 50;
            for (int i = 0; i < Rounds; i++)
            {
                await victim.SendAsync(padded);
                // Over 3 bytes a character, so the old code took its oversize path for these too.
                await attacker.SendAsync(new string(' ', 3 * Limit + 1 + i));
            }
            await victim.SendAsync("{\"k\":\"invoke\",\"id\":1,\"ch\":\"flush\",\"a\":[]}");
            await attacker.SendAsync("{\"k\":\"invoke\",\"id\":1,\"ch\":\"flush\",\"a\":[]}");
            await victim.ReceiveContainingAsync("\"result\""); // sends and invokes from one view arrive in order:
            var refusals = new List<string>();                  // everything each sent before is dispatched
            for (string frame = await attacker.ReceiveAsync(); !frame.Contains("\"result\""); frame = await attacker.ReceiveAsync())
                if (frame.Contains("LimitError")) refusals.Add(frame);

            lock (secrets)
            {
                Assert.That(secrets, Has.Count.EqualTo(Rounds), "each secret exactly once");
                Assert.That(secrets.FindAll(s => s.Sender != victimId), Is.Empty, "none credited to another view");
            }
            Assert.That(refusals, Has.Count.EqualTo(Rounds), "each oversize frame was refused with a LimitError");
            for (int i = 0; i < Rounds; i++)
                Assert.That(refusals[i], Does.Contain($"Frame of {3 * Limit + 1 + i} characters refused: the limit is {Limit}"));
        }

        [Test]
        public async Task TheLimitCountsCharacters_AtUnderAndOver()
        {
            var got = new List<int>();
            await _engine.Run(() => _main.On<string>("big", (e, text) => { lock (got) got.Add(text.Length); }));
            using var client = await ConnectAsync();

            await client.SendAsync(SendOfLength("big", Limit - 1));
            await client.SendAsync(SendOfLength("big", Limit));
            await client.SendAsync(SendOfLength("big", Limit, '\u20ac')); // 3 bytes each in UTF-8: far over the limit in bytes, at it in characters
            await client.SendAsync(SendOfLength("big", Limit + 1));        // one ASCII character over: refused, though well under 3x in bytes

            Assert.That(await client.ReceiveContainingAsync("LimitError"), Does.Contain($"Frame of {Limit + 1} characters refused: the limit is {Limit}"));
            await BrowserSuite.Until(() => { lock (got) return got.Count == 3; }, "the three frames within the limit");
            int overhead = "{\"k\":\"send\",\"ch\":\"big\",\"a\":[\"\"]}".Length; // the envelope around the argument
            lock (got) Assert.That(got, Is.EqualTo(new[] { Limit - 1 - overhead, Limit - overhead, Limit - overhead }));
            lock (_log) Assert.That(_log, Has.Some.Contains($"Frame of {Limit + 1} characters refused"));
        }

        [Test]
        public async Task AnOversizeFrameInManyPiecesIsCountedWhole_AndTheConnectionGoesOn()
        {
            await _engine.Run(() => _main.Handle("ping", e => "pong"));
            using var client = await ConnectAsync();

            await client.SendAsync(SendOfLength("big", 200_000, '\u00e9')); // 2 bytes each: many 16 KiB reads
            Assert.That(await client.ReceiveContainingAsync("LimitError"), Does.Contain("Frame of 200000 characters refused"));
            await client.SendAsync("{\"k\":\"invoke\",\"id\":1,\"ch\":\"ping\",\"a\":[]}");

            Assert.That(await client.ReceiveContainingAsync("\"result\""), Does.Contain("\"r\":\"pong\""));
        }

        [Test]
        public void TheSendQueueIsBoundedInCharacters_AtUnderAndOver()
        {
            using var stalled = new StalledStream();
            var socket = WebSocket.CreateFromStream(stalled, isServer: true, subProtocol: null, keepAliveInterval: TimeSpan.Zero);
            var transport = new WebSocketFrameTransport(socket, maxFrameChars: 1024, maxQueuedChars: 1000, sendTimeout: TimeSpan.FromMinutes(5));
            var receiver = new RecordingReceiver();
            transport.Start(receiver);

            transport.Send(new string('a', 600).AsSpan());   // taken by the writer, whose write never completes
            transport.Send(new string('b', 399).AsSpan());   // 999: under
            transport.Send("c".AsSpan());                    // 1,000: at the bound
            Assert.That(transport.QueuedChars, Is.EqualTo(1000));
            Assert.That(receiver.ClosedReason, Is.Null);

            var error = Assert.Throws<IpcException>(() => transport.Send("d".AsSpan())); // 1,001: over

            Assert.That(error.Name, Is.EqualTo(IpcErrorNames.ViewGone));
            Assert.That(error.Message, Does.Contain("the page is not reading: 1001 characters would be queued for it, the limit is 1000"));
            Assert.That(receiver.ClosedReason, Does.Contain("the page is not reading"));
            Assert.Throws<IpcException>(() => transport.Send("e".AsSpan()), "closed for good");
        }

        [Test]
        public async Task AWriteThatStallsPastTheDeadlineClosesThePage()
        {
            using var stalled = new StalledStream();
            var socket = WebSocket.CreateFromStream(stalled, isServer: true, subProtocol: null, keepAliveInterval: TimeSpan.Zero);
            var transport = new WebSocketFrameTransport(socket, sendTimeout: TimeSpan.FromMilliseconds(200));
            var receiver = new RecordingReceiver();
            var logged = new List<string>();
            transport.Log += line => { lock (logged) logged.Add(line); };
            transport.Start(receiver);

            transport.Send("{\"k\":\"send\",\"ch\":\"x\",\"a\":[]}".AsSpan());

            await BrowserSuite.Until(() => receiver.ClosedReason != null, "the stalled page to be closed");
            Assert.That(receiver.ClosedReason, Does.Contain("the page is not reading: one write stalled for more than 0.2 s"));
            lock (logged) Assert.That(logged, Has.Some.Contains("SendTimeout"));
            await BrowserSuite.Until(() => transport.QueuedChars == 0, "the queue to be let go");
        }

        private sealed class RecordingReceiver : IFrameReceiver
        {
            private string _closed;
            public string ClosedReason => Volatile.Read(ref _closed);
            public void OnFrame(ReadOnlySpan<char> frame) { }
            public void OnClosed(string reason) => Interlocked.CompareExchange(ref _closed, reason, null);
        }

        /// <summary>A connection whose peer never reads nor writes: every read and write waits until disposal.</summary>
        private sealed class StalledStream : Stream
        {
            private readonly TaskCompletionSource<int> _gone = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override int Read(byte[] buffer, int offset, int count) => _gone.Task.GetAwaiter().GetResult();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => _gone.Task.GetAwaiter().GetResult();
            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken token) => _gone.Task;
            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken token = default) => new ValueTask<int>(_gone.Task);
            public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken token) => _gone.Task;
            public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken token = default) => new ValueTask(_gone.Task);
            protected override void Dispose(bool disposing)
            {
                _gone.TrySetException(new IOException("the stream was disposed"));
                base.Dispose(disposing);
            }
        }
    }
}
