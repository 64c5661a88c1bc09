using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Api
{
    public class SendSyncTests
    {
        [Test]
        public void SendSyncBlocksUntilTheEnginesTickAnswers()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            rig.Main.On("config:get", e => e.ReturnValue = "value of " + e.Arg<string>(0));

            var call = Task.Run(() => view.SendSync<string, string>("config:get", "volume"));
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!call.IsCompleted && DateTime.UtcNow < deadline) { rig.Main.Tick(); Thread.Sleep(1); }
            Assert.That(call.Result, Is.EqualTo("value of volume"));
        }

        [Test]
        public void SendSyncOnTheThreadThatTicksTheEngineThrowsInsteadOfDeadlocking()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            rig.Main.On("x", e => e.ReturnValue = 1);
            var ex = Assert.Throws<InvalidOperationException>(() => view.SendSync<int>("x"));
            Assert.That(ex.Message, Does.StartWith("SendSync('x') would deadlock"));
        }

        [Test]
        public void SendSyncWithNoListenerGetsAClearError()
        {
            // With no listener at all the call now follows Electron (a warning, no value, no throw): see
            // SendSyncWithoutListenersTests. Listeners that set no ReturnValue still get this clear error.
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            rig.Main.On("silent", e => { });
            var silent = Task.Run(() => view.SendSync<int>("silent"));
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!silent.IsCompleted && DateTime.UtcNow < deadline) { rig.Main.Tick(); Thread.Sleep(1); }
            var b = Assert.Throws<IpcException>(() => silent.GetAwaiter().GetResult());
            Assert.That(b.RemoteMessage, Is.EqualTo("No listener set a ReturnValue for 'silent'"));
        }

        [Test]
        public void SendSyncTimesOutWhenTheEngineNeverTicks()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            var ex = Assert.Throws<IpcException>(() =>
                Task.Run(() => view.SendSync<int>("x", TimeSpan.FromMilliseconds(50))).GetAwaiter().GetResult());
            Assert.That(ex.Name, Is.EqualTo(IpcErrorNames.Timeout));
            rig.TickAll(); // the late request is answered and dropped without harm
            rig.TickAll();
        }
    }
}
