using System;
using System.Text;
using System.Threading;
using NUnit.Framework;

namespace FrameIpc.ReliabilityTests
{
    /// <summary>
    /// A hostile page floods the engine from its own thread while the engine ticks: invented channel names, frames
    /// as large as allowed as fast as it can, and garbage that provokes error notices. The engine's memory stays
    /// within the documented bound (the inbound queue's <see cref="IpcOptions.MaxQueuedChars"/>, 32 MiB by default,
    /// plus working buffers), whatever the flood; registered names do not grow; the engine keeps serving a
    /// well-behaved view meanwhile. Loops are bounded in count.
    /// </summary>
    [TestFixture]
    public sealed class HostilePageSoakTests
    {
        private const long Slack = 48L << 20; // frames being copied, pooled buffers, the test's own garbage

        [Test]
        public void InventedChannelNamesDoNotGrowTheEngine()
        {
            var frame = new StringBuilder("{\"k\":\"batch\",\"m\":[");
            for (int i = 0; i < 900; i++) frame.Append(i == 0 ? "" : ",").Append("{\"k\":\"send\",\"ch\":\"").Append(new string('c', 1000)).Append("#").Append("{0}").Append(i).Append("\"}");
            frame.Append("]}");
            var template = frame.ToString();
            Soak((main, round) => template.Replace("{0}", round.ToString()), 400, out long growth, out int namesKept, out int served, out long ticks);
            TestContext.WriteLine($"channel-name flood: 400 frames of 900 new 1,000-character names; heap growth {growth / 1048576.0:F1} MB; names kept {namesKept}; served {served}");
            Assert.That(growth, Is.LessThan(Slack));
            Assert.That(namesKept, Is.LessThanOrEqualTo(2), "only the names registered by the engine");
        }

        [Test]
        public void AFloodOfLargeFramesIsBoundedByTheQueue()
        {
            var big = "{\"k\":\"send\",\"ch\":\"flood\",\"a\":[\"" + new string('f', (1 << 20) - 64) + "\"]}";
            Soak((main, round) => big, 1_500, out long growth, out _, out int served, out _);
            TestContext.WriteLine($"queue flood: 1,500 frames of 1 Mi characters; heap growth {growth / 1048576.0:F1} MB; served {served}");
            Assert.That(growth, Is.LessThan(2 * new IpcOptions().MaxQueuedChars + Slack));
        }

        [Test]
        public void GarbageThatProvokesNoticesIsAnsweredWithBoundedWrites()
        {
            var frame = new StringBuilder("{\"k\":\"batch\",\"m\":[");
            for (int i = 0; i < 20_000; i++) frame.Append(i == 0 ? "" : ",").Append("{\"k\":\"bad\"}");
            frame.Append("]}");
            var text = frame.ToString();
            var sink = Soak((main, round) => text, 200, out long growth, out _, out int served, out long ticks);
            TestContext.WriteLine($"notice flood: 200 frames of 20,000 bad envelopes; {sink.Frames:N0} frames written back ({sink.Chars / 1048576.0:F1} M characters); heap growth {growth / 1048576.0:F1} MB; served {served}");
            Assert.That(growth, Is.LessThan(Slack));
            Assert.That(sink.Frames, Is.LessThanOrEqualTo(ticks + 1), "at most one frame of notices per tick (plus the handshake), not one per bad envelope");
            Assert.That(sink.Chars, Is.LessThan(200L * 20_000 * 10), "far fewer characters written back than one notice per bad envelope");
        }

        /// <summary>The flood runs on its own thread; this thread ticks the engine and serves one good view meanwhile.</summary>
        private static DiscardingPage Soak(Func<IpcMain, int, string> frameOf, int rounds, out long growth, out int namesKept, out int served, out long ticks)
        {
            var main = new IpcMain();
            main.On("good", e => { });
            main.Handle("ping", e => e.Arg<int>(0));
            var (engineEnd, pageEnd) = InMemoryTransport.CreatePair();
            var hostile = new DiscardingPage();
            pageEnd.Start(hostile);
            main.Attach(engineEnd);
            pageEnd.Send("{\"k\":\"hello\",\"v\":1}".AsSpan());
            var (goodEngine, goodView) = InMemoryTransport.CreatePair();
            main.Attach(goodEngine);
            var good = new IpcRenderer(goodView);
            good.Connect();
            for (int i = 0; i < 10; i++) { main.Tick(); good.Tick(); }

            long before = GC.GetTotalMemory(true);
            long most = before;
            int sent = 0;
            var flood = new Thread(() =>
            {
                for (int round = 0; round < rounds; round++)
                {
                    pageEnd.Send(frameOf(main, round).AsSpan());
                    Interlocked.Increment(ref sent);
                }
            }) { IsBackground = true, Name = "hostile page" };
            flood.Start();
            served = 0;
            int lastSample = -1;
            while (flood.IsAlive || main.Views[0].Connection.QueuedFrames > 0)
            {
                var ping = good.InvokeAsync<int, int>("ping", served).AsTask();
                for (int i = 0; i < 50 && !ping.IsCompleted; i++) { good.Tick(); main.Tick(); good.Tick(); }
                if (ping.IsCompletedSuccessfully && ping.Result == served) served++;
                int at = Volatile.Read(ref sent) / 25;
                if (at != lastSample)
                {
                    // A full collection: what is measured is what the engine keeps, not garbage awaiting collection.
                    lastSample = at;
                    most = Math.Max(most, GC.GetTotalMemory(true));
                }
            }
            Assert.That(flood.Join(TimeSpan.FromSeconds(60)), Is.True);
            for (int i = 0; i < 5; i++) main.Tick();
            most = Math.Max(most, GC.GetTotalMemory(false));
            growth = Math.Max(GC.GetTotalMemory(true), most) - before;
            namesKept = main.Names.Count;
            ticks = main.TickCount;
            good.Dispose();
            main.Dispose();
            Assert.That(served, Is.GreaterThan(0), "the good view was served during the flood");
            return hostile;
        }

        private sealed class DiscardingPage : IFrameReceiver
        {
            public int Frames;
            public long Chars;
            public void OnFrame(ReadOnlySpan<char> frame) { Frames++; Chars += frame.Length; }
            public void OnClosed(string reason) { }
        }
    }
}
