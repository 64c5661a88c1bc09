using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Api.Ports
{
    /// <summary>
    /// A MessagePortMain's listeners run inside the engine's tick like every other callback: under the tick's
    /// synchronization context (an await resumes on the ticking thread, at a later tick) and inside its re-entrancy guard.
    /// </summary>
    public class PortTickTests
    {
        [Test]
        public void APortListenersAwaitResumesOnTheTickingThread_AtALaterTick()
        {
            using var rig = PortWireTests.Rig();
            var channel = new MessageChannelMain(rig.Main);
            SynchronizationContext during = null;
            int resumedOn = -1, resumedAtTick = -1, tick = 0;
            channel.Port2.On("message", async ev =>
            {
                during = SynchronizationContext.Current;
                await Task.Yield();
                resumedOn = Environment.CurrentManagedThreadId;
                resumedAtTick = tick;
            });
            channel.Port2.Start();
            channel.Port1.PostMessage("hello");

            tick = 1;
            rig.Main.Tick(); // delivers: the listener runs up to its await
            Assert.That(during, Is.Not.Null, "the listener ran under the tick's synchronization context");
            Assert.That(resumedOn, Is.EqualTo(-1), "the continuation waits for a tick");
            tick = 2;
            rig.Main.Tick();

            Assert.That(resumedOn, Is.EqualTo(Environment.CurrentManagedThreadId), "resumed on the thread that ticks");
            Assert.That(resumedAtTick, Is.EqualTo(2));
            Assert.That(SynchronizationContext.Current, Is.Null, "the tick put back the thread's own context");
        }

        [Test]
        public void TickingFromAPortListenerIsRefused_AndReported()
        {
            using var rig = PortWireTests.Rig();
            var channel = new MessageChannelMain(rig.Main);
            int calls = 0;
            channel.Port2.On("message", ev => { calls++; rig.Main.Tick(); });
            channel.Port2.Start();
            channel.Port1.PostMessage(1);

            rig.Main.Tick();

            Assert.That(calls, Is.EqualTo(1));
            var errors = rig.Diagnostics.FindAll(d => d.Kind == IpcDiagnosticKind.ListenerError);
            Assert.That(errors.Count, Is.EqualTo(1));
            Assert.That(errors[0].Message, Does.Contain("IpcMain.Tick() was called from inside a listener or handler; ticks cannot nest."));
            channel.Port1.PostMessage(2);
            rig.Main.Tick();
            Assert.That(calls, Is.EqualTo(2), "the next tick delivers as before");
        }
    }
}
