using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Dispatch
{
    public class FrameLoopTests
    {
        [Test]
        public void EachFrameRunsPostedActionsUpdateTickAndLateUpdateInThatOrder()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            var order = new List<string>();
            rig.Main.On("x", e => order.Add("listener"));
            var loop = new FrameLoop(rig.Main);
            loop.Update += dt => order.Add("update");
            loop.LateUpdate += dt => order.Add("late");
            loop.Post(() => order.Add("posted"));
            view.Send("x");
            view.Tick();
            loop.RunFrame(1 / 60.0);
            Assert.That(order, Is.EqualTo(new[] { "posted", "update", "listener", "late" }));
            Assert.That(loop.Frame, Is.EqualTo(1));
        }

        [Test]
        public void AnExceptionInACallbackIsReportedAndTheLoopGoesOn()
        {
            using var rig = new IpcRig();
            var loop = new FrameLoop(rig.Main);
            var errors = new List<Exception>();
            loop.Error += errors.Add;
            int frames = 0;
            loop.Update += dt => { frames++; if (frames == 1) throw new InvalidOperationException("bad frame"); };
            loop.RunFrame(0);
            loop.RunFrame(0);
            Assert.That(frames, Is.EqualTo(2));
            Assert.That(errors.Count, Is.EqualTo(1));
            Assert.That(errors[0].Message, Is.EqualTo("bad frame"));
        }

        [Test]
        public void RunStopsWhenCancelledAndRunsOnItsCallersThread()
        {
            using var rig = new IpcRig();
            var loop = new FrameLoop(rig.Main, 240);
            using var cts = new CancellationTokenSource();
            int threadSeen = -1;
            loop.Update += dt => { threadSeen = Environment.CurrentManagedThreadId; if (loop.Frame >= 5) cts.Cancel(); };
            loop.Run(TimeSpan.FromSeconds(60), cts.Token);
            Assert.That(loop.Frame, Is.EqualTo(5));
            Assert.That(threadSeen, Is.EqualTo(Environment.CurrentManagedThreadId));
            Assert.That(loop.ThreadId, Is.EqualTo(-1));
        }
    }
}
