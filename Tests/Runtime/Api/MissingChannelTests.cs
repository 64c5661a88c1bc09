using System;
using NUnit.Framework;

namespace FrameIpc.Tests.Api
{
    /// <summary>
    /// A send or invoke given no channel throws at the caller with Electron's text ("Missing required channel argument",
    /// from its webContents.send and ipcRenderer), still as an <see cref="ArgumentNullException"/> naming the parameter.
    /// </summary>
    public class MissingChannelTests
    {
        private const string Electron = "Missing required channel argument";

        private static void AssertMissing(TestDelegate call)
        {
            var ex = Assert.Throws<ArgumentNullException>(call);
            Assert.That(ex.Message, Does.StartWith(Electron));
            Assert.That(ex.ParamName, Is.EqualTo("channel"));
        }

        [Test]
        public void EngineSide_SendInvokeBroadcastAndRegistration_UseElectronsText()
        {
            using var rig = new IpcRig();
            var (contents, _) = rig.AddView();
            AssertMissing(() => contents.Send(null));
            AssertMissing(() => contents.Send(null, 1));
            AssertMissing(() => contents.InvokeAsync<int>(null));
            AssertMissing(() => rig.Main.Broadcast(null, 1));
            AssertMissing(() => rig.Main.On(null, e => { }));
            AssertMissing(() => rig.Main.Handle(null, e => 1));
            AssertMissing(() => contents.Ipc.On(null, e => { }));
        }

        [Test]
        public void RendererSide_SendInvokeSendSyncAndSendTo_UseElectronsText()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            AssertMissing(() => view.Send(null));
            AssertMissing(() => view.Send(null, "x"));
            AssertMissing(() => view.InvokeAsync<int>(null));
            AssertMissing(() => view.SendSync<int>(null));
            AssertMissing(() => view.SendTo(1, null));
            AssertMissing(() => view.On(null, e => { }));
        }

        [Test]
        public void NothingWasSent_ForACallWithoutAChannel()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            int heard = 0;
            rig.Main.On("after", e => heard++);
            Assert.Throws<ArgumentNullException>(() => view.Send(null, 1));
            view.Send("after");
            rig.TickAll();
            Assert.That(heard, Is.EqualTo(1));
            Assert.That(rig.Diagnostics.FindAll(d => d.Kind != IpcDiagnosticKind.Lifecycle), Is.Empty, "the engine saw no malformed envelope");
            Assert.That(contents.IsReady, Is.True);
        }
    }
}
