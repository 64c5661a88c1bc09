using System;
using NUnit.Framework;

namespace FrameIpc.Tests.Api
{
    /// <summary>
    /// <c>EventNames()</c> as Node's <c>emitter.eventNames()</c>, which Electron's ipcMain and ipcRenderer inherit: the
    /// channels that have listeners, in the order they got their first one; handlers are not listeners; and nothing
    /// FrameIPC does internally ever shows up there.
    /// </summary>
    public class EventNamesTests
    {
        private static void Nothing(IpcEvent e) { }

        [Test]
        public void IpcMain_ListsChannelsWithListeners_InTheOrderTheyGotOne_AndNotHandlers()
        {
            using var rig = new IpcRig();
            Assert.That(rig.Main.EventNames(), Is.Empty);

            var a = rig.Main.On("a", Nothing);
            rig.Main.On("b", Nothing);
            rig.Main.On("a", Nothing);
            rig.Main.Handle("h", e => 1);
            Assert.That(rig.Main.EventNames(), Is.EqualTo(new[] { "a", "b" }));

            a.Dispose();
            Assert.That(rig.Main.EventNames(), Is.EqualTo(new[] { "a", "b" }), "'a' still has its second listener");
            rig.Main.RemoveAllListeners("a");
            Assert.That(rig.Main.EventNames(), Is.EqualTo(new[] { "b" }));
            rig.Main.On("a", Nothing);
            Assert.That(rig.Main.EventNames(), Is.EqualTo(new[] { "b", "a" }), "a channel that lost every listener comes back last, as in Node");
        }

        [Test]
        public void AOnceListener_LeavesEventNames_WhenItRan()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            rig.Main.Once("once", Nothing);
            Assert.That(rig.Main.EventNames(), Is.EqualTo(new[] { "once" }));

            view.Send("once");
            rig.TickAll();

            Assert.That(rig.Main.EventNames(), Is.Empty);
        }

        [Test]
        public void AViewsScopedIpc_HasItsOwnEventNames_ApartFromIpcMains()
        {
            using var rig = new IpcRig();
            var (contents, _) = rig.AddView();
            contents.Ipc.On("scoped", Nothing);
            rig.Main.On("global", Nothing);

            Assert.That(contents.Ipc.EventNames(), Is.EqualTo(new[] { "scoped" }));
            Assert.That(rig.Main.EventNames(), Is.EqualTo(new[] { "global" }));
        }

        [Test]
        public void IpcRenderer_ListsItsChannels()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            Assert.That(view.EventNames(), Is.Empty);
            view.On("news", Nothing);
            view.On<int>("score", (e, n) => { });
            view.Handle("ask", e => 1);
            Assert.That(view.EventNames(), Is.EqualTo(new[] { "news", "score" }));
        }

        [Test]
        public void TrafficOfEveryKind_LeavesNoInternalChannelInEventNames()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            rig.Main.Handle("double", e => e.Arg<int>(0) * 2);
            view.Handle("page:double", e => e.Arg<int>(0) * 2);

            Assert.That(rig.Await(view.InvokeAsync<int, int>("double", 2)), Is.EqualTo(4));
            Assert.That(rig.Await(contents.InvokeAsync<int, int>("page:double", 3)), Is.EqualTo(6));
            view.Send("nobody:listens", 1);
            contents.Send("nobody:listens:either", 1);
            view.Reload();
            rig.Pump(() => contents.LoadCount == 2, "the reload's handshake");

            Assert.That(rig.Main.EventNames(), Is.Empty, "handshakes, invokes, results and sends register no listener on the engine");
            Assert.That(contents.Ipc.EventNames(), Is.Empty);
            Assert.That(view.EventNames(), Is.Empty, "nor on the renderer");
        }
    }
}
