using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Api
{
    /// <summary>Electron's <c>IpcMainInvokeEvent</c>: a handler's event has the sender and arguments, and no Reply or ReturnValue.</summary>
    public class InvokeEventTests
    {
        [Test]
        public void TheInvokeEventTypeHasNoReplyAndNoReturnValue()
        {
            Assert.That(typeof(IpcMainInvokeEvent).GetProperty("ReturnValue"), Is.Null);
            Assert.That(typeof(IpcMainInvokeEvent).GetMethod("Reply"), Is.Null);
            Assert.That(typeof(IpcEvent).BaseType, Is.EqualTo(typeof(IpcMainInvokeEvent)));
            Assert.That(typeof(IpcEvent).GetProperty("ReturnValue"), Is.Not.Null);
        }

        [Test]
        public void AnEngineHandlersEventIsNotAListenersEvent_EvenWhenDowncast()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            rig.Main.Handle("sync", e => $"{e is IpcEvent}:{e.Sender.Id}:{e.SenderId}:{e.Channel}:{e.Arg<int>(0) * 2}");
            rig.Main.Handle("async", async (e, ct) => { int v = e.Arg<int>(0); await Task.Yield(); return $"{e is IpcEvent}:{v}"; });
            contents.Ipc.HandleOnce("scoped", e => e is IpcEvent);

            Assert.That(rig.Await(view.InvokeAsync<int, string>("sync", 21)), Is.EqualTo($"False:{contents.Id}:{contents.Id}:sync:42"));
            Assert.That(rig.Await(view.InvokeAsync<int, string>("async", 5)), Is.EqualTo("False:5"));
            Assert.That(rig.Await(view.InvokeAsync<bool>("scoped")), Is.False);
        }

        [Test]
        public void ARenderersHandlerGetsTheInvokeEventToo()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            view.Handle("page:kind", e => (e is IpcEvent) + ":" + e.Arg<string>(0));
            Assert.That(rig.Await(contents.InvokeAsync<string, string>("page:kind", "x")), Is.EqualTo("False:x"));
        }

        [Test]
        public void ExistingLambdaHandlersCompileAgainstTheInvokeEvent()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            rig.Main.Handle("double", e => e.Arg<int>(0) * 2);
            rig.Main.Handle("wait", (e, ct) => Task.Delay(1, ct));
            rig.Main.Handle(new IpcInvokeChannel<int, int>("typed"), (e, n) => n + e.ArgCount);
            Assert.That(rig.Await(view.InvokeAsync<int, int>("double", 4)), Is.EqualTo(8));
            Assert.That(rig.Await(view.InvokeAsync<int, int>("typed", 4)), Is.EqualTo(5));
            rig.Await(view.InvokeAsync<object>("wait"));
        }
    }
}
