using System;
using System.Collections.Generic;
using NUnit.Framework;

namespace FrameIpc.Tests.Protocol
{
    /// <summary>
    /// What a tick puts on the wire: nothing when nothing was written, one envelope alone (no batch around it), two or
    /// more as one batch; and a frame that arrives between ticks is dispatched by the next one.
    /// </summary>
    public class TickFrameTests
    {
        private sealed class Recording : IFrameTransport
        {
            private readonly IFrameTransport _inner;
            public Recording(IFrameTransport inner) { _inner = inner; }
            public List<string> Frames { get; } = new List<string>();
            public bool CanBlockCurrentThread => _inner.CanBlockCurrentThread;
            public void Start(IFrameReceiver receiver) => _inner.Start(receiver);
            public void Send(ReadOnlySpan<char> frame)
            {
                Frames.Add(frame.ToString());
                _inner.Send(frame);
            }
            public void Dispose() => _inner.Dispose();
        }

        private static (IpcHarness Ipc, Recording View, List<int> Heard) Connected()
        {
            var ends = new List<Recording>();
            // A budget no first dispatch (JIT included) can use up: the assertions count messages, not time.
            var ipc = IpcHarness.Connected(options: new IpcOptions { TickTimeBudget = TimeSpan.FromMinutes(1) }, wrap: end =>
            {
                var recording = new Recording(end);
                ends.Add(recording);
                return recording;
            });
            var heard = new List<int>();
            ipc.Main.On("n", e => heard.Add(e.Arg<int>(0)));
            var view = ends[1]; // the engine's end is wrapped first
            view.Frames.Clear();
            return (ipc, view, heard);
        }

        [Test]
        public void ATickWithNothingWrittenSendsNoFrame()
        {
            var (ipc, view, heard) = Connected();
            using (ipc)
            {
                for (int i = 0; i < 3; i++) ipc.TickAll();
                Assert.That(view.Frames, Is.Empty);
                Assert.That(heard, Is.Empty);
            }
        }

        [Test]
        public void OneEnvelopeLeavesAloneWithoutABatch()
        {
            var (ipc, view, heard) = Connected();
            using (ipc)
            {
                ipc.View.Send("n", 1);
                ipc.View.Tick();
                Assert.That(view.Frames, Is.EqualTo(new[] { "{\"k\":\"send\",\"ch\":\"n\",\"a\":[1]}" }));
                ipc.Main.Tick();
                Assert.That(heard, Is.EqualTo(new[] { 1 }));
            }
        }

        [Test]
        public void TwoEnvelopesLeaveAsOneBatchInOrder()
        {
            var (ipc, view, heard) = Connected();
            using (ipc)
            {
                ipc.View.Send("n", 1);
                ipc.View.Send("n", 2);
                ipc.View.Tick();
                Assert.That(view.Frames, Is.EqualTo(new[]
                {
                    "{\"k\":\"batch\",\"m\":[{\"k\":\"send\",\"ch\":\"n\",\"a\":[1]},{\"k\":\"send\",\"ch\":\"n\",\"a\":[2]}]}",
                }));
                ipc.Main.Tick();
                Assert.That(heard, Is.EqualTo(new[] { 1, 2 }));
            }
        }

        [Test]
        public void AChannelWithCharactersToEscapeIsStillEscaped()
        {
            var (ipc, view, _) = Connected();
            using (ipc)
            {
                string heard = null;
                ipc.Main.On("a\"b\\c\u2028", e => heard = e.Channel);
                ipc.View.Send("a\"b\\c\u2028", 1);
                ipc.View.Tick();
                Assert.That(view.Frames, Is.EqualTo(new[] { "{\"k\":\"send\",\"ch\":\"a\\\"b\\\\c\\u2028\",\"a\":[1]}" }));
                ipc.Main.Tick();
                Assert.That(heard, Is.EqualTo("a\"b\\c\u2028"));
            }
        }

        [Test]
        public void FramesThatArriveAfterAnIdleEngineTickAreDispatchedByTheNextOne()
        {
            var (ipc, _, heard) = Connected();
            using (ipc)
            {
                ipc.Main.Tick(); // idle: nothing queued
                ipc.View.Send("n", 1);
                ipc.View.Tick();
                ipc.View.Send("n", 2);
                ipc.View.Tick();
                Assert.That(ipc.Main.QueuedFrames, Is.EqualTo(2));
                ipc.Main.Tick();
                Assert.That(heard, Is.EqualTo(new[] { 1, 2 }));
                Assert.That(ipc.Main.QueuedFrames, Is.EqualTo(0));
                Assert.That(ipc.Main.LastTickMessages, Is.EqualTo(2));
            }
        }
    }
}
