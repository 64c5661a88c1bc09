using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Hosting
{
    /// <summary>
    /// The main-thread promise outside Unity: code after an await in a handler resumes on the thread that ticks, whether
    /// that is a FrameLoop or a plain thread calling Tick, as Unity's own synchronization context makes it on the main thread.
    /// </summary>
    public class TickContinuationTests
    {
        [Test]
        public void InAFrameLoopAnAsyncHandlersContinuationRunsOnTheLoopsThread()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            var threads = new List<int>();
            rig.Main.Handle<int>("slow", async (e, ct) =>
            {
                threads.Add(Environment.CurrentManagedThreadId);
                await Task.Delay(5, ct);
                threads.Add(Environment.CurrentManagedThreadId);
                await Task.Yield();
                threads.Add(Environment.CurrentManagedThreadId);
                return 42;
            });
            var loop = new FrameLoop(rig.Main, 1000);
            loop.Update += dt => view.Tick();
            loop.LateUpdate += dt => view.Tick();

            int result = loop.Run(() => view.InvokeAsync<int>("slow"));

            Assert.That(result, Is.EqualTo(42));
            int me = Environment.CurrentManagedThreadId;
            Assert.That(threads, Is.EqualTo(new[] { me, me, me }), "every part of the handler ran on the loop's thread");
            Assert.That(SynchronizationContext.Current, Is.Null, "the loop put back the thread's own context");
        }

        [Test]
        public void AFrameLoopsRunResumesItsWorkOnTheLoopsThreadBetweenFrames()
        {
            using var rig = new IpcRig();
            var loop = new FrameLoop(rig.Main, 1000);
            var seen = new List<int>();
            long frameAtStart = -1, frameAfterAwait = -1;
            loop.Run(async () =>
            {
                frameAtStart = loop.Frame;
                seen.Add(Environment.CurrentManagedThreadId);
                await Task.Delay(5);
                seen.Add(Environment.CurrentManagedThreadId);
                frameAfterAwait = loop.Frame;
            });
            Assert.That(seen, Is.EqualTo(new[] { Environment.CurrentManagedThreadId, Environment.CurrentManagedThreadId }));
            Assert.That(frameAtStart, Is.EqualTo(0));
            Assert.That(frameAfterAwait, Is.GreaterThan(0), "the continuation ran inside a frame");
        }

        [Test]
        public void APlainThreadThatTicksGetsTheContinuationsOfItsHandlers()
        {
            using var main = new IpcMain();
            var (engineEnd, viewEnd) = InMemoryTransport.CreatePair();
            main.Attach(engineEnd);
            using var view = new IpcRenderer(viewEnd);
            var after = -1;
            SynchronizationContext duringHandler = null, afterTick = null;
            main.Handle<int>("slow", async (e, ct) =>
            {
                duringHandler = SynchronizationContext.Current;
                await Task.Delay(5, ct);
                after = Environment.CurrentManagedThreadId;
                return 7;
            });
            view.Connect();
            var answer = view.InvokeAsync<int>("slow").AsTask();
            int tickThread = -1;
            var ticker = new Thread(() =>
            {
                tickThread = Environment.CurrentManagedThreadId;
                // Bounded: a broken build fails the assertions below instead of spinning forever.
                var deadline = DateTime.UtcNow.AddSeconds(30);
                while (!answer.IsCompleted && DateTime.UtcNow < deadline)
                {
                    view.Tick();
                    main.Tick();
                    afterTick = SynchronizationContext.Current;
                    Thread.Sleep(1);
                }
            });
            ticker.Start();
            ticker.Join();

            Assert.That(answer.IsCompleted, Is.True);
            Assert.That(answer.Result, Is.EqualTo(7));
            Assert.That(after, Is.EqualTo(tickThread), "the code after the await ran on the ticking thread");
            Assert.That(duringHandler, Is.InstanceOf<TickSynchronizationContext>());
            Assert.That(afterTick, Is.Null, "outside Tick the thread has its own (no) context again");
        }

        [Test]
        public void AViewTickedOnAPlainThreadGetsTheContinuationsOfItsHandlers()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            int after = -1;
            view.Handle<int>("page:slow", async (e, ct) =>
            {
                await Task.Delay(5, ct);
                after = Environment.CurrentManagedThreadId;
                return 3;
            });
            var answer = contents.InvokeAsync<int>("page:slow").AsTask();
            rig.Pump(() => answer.IsCompleted, "the engine's invoke of the view");
            Assert.That(answer.Result, Is.EqualTo(3));
            Assert.That(after, Is.EqualTo(Environment.CurrentManagedThreadId));
        }

        [Test]
        public void AnAsyncListenerThatThrowsAfterItsAwaitIsReportedNotLost()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            bool resumed = false;
            rig.Main.On("boom", async e =>
            {
                await Task.Yield();
                resumed = true;
                throw new InvalidOperationException("late boom");
            });
            view.Send("boom");
            rig.Pump(() => resumed && rig.Diagnostics.Exists(d => d.Message.Contains("late boom")), "the report of the late exception");
            var report = rig.Diagnostics.Find(d => d.Message.Contains("late boom"));
            Assert.That(report.Kind, Is.EqualTo(IpcDiagnosticKind.ListenerError));
            Assert.That(report.Message, Is.EqualTo("an async continuation threw: late boom"));
        }

        [Test]
        public void RunRethrowsWhatItsWorkThrewAndStopsWhenCancelled()
        {
            using var rig = new IpcRig();
            var loop = new FrameLoop(rig.Main, 1000);
            var ex = Assert.Throws<InvalidOperationException>(() => loop.Run(async () =>
            {
                await Task.Yield();
                throw new InvalidOperationException("work failed");
            }));
            Assert.That(ex.Message, Is.EqualTo("work failed"));

            using var cts = new CancellationTokenSource();
            loop.Update += dt => { if (loop.Frame >= 3) cts.Cancel(); };
            var never = new TaskCompletionSource<int>();
            Assert.Throws<OperationCanceledException>(() => loop.Run(() => new ValueTask<int>(never.Task), cts.Token));
            Assert.That(loop.ThreadId, Is.EqualTo(-1));
        }
    }
}
