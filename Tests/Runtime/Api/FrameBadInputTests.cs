using NUnit.Framework;

namespace FrameIpc.Tests.Api
{
    /// <summary>
    /// What a top page's client (or anything posing as one) may get wrong about frames: an unknown frame id, a malformed
    /// <c>frame</c> envelope, an <c>fr</c> of the wrong type; each gets a clear error, and nothing reaches a listener or
    /// handler. And the frame limit: at it, under it, over it. Every test also proves no pooled object leaked (IpcRig).
    /// </summary>
    public class FrameBadInputTests
    {
        [Test]
        public void PortsFromASubframeAreRefused_AndTheTopPageMayStillTransferThatId()
        {
            using var rig = new IpcRig();
            var raw = FrameTests.ViewWithFrame(rig);
            int heard = 0, ports = 0;
            rig.Main.On("port", e => { heard++; ports += e.Ports.Count; });

            raw.Send("{\"k\":\"send\",\"ch\":\"port\",\"a\":[null],\"fr\":2,\"p\":[1]}");
            rig.Main.Tick();

            Assert.That(heard, Is.EqualTo(0));
            Assert.That(raw.AllReceived, Does.Contain("\"name\":\"ProtocolError\",\"message\":\"Frame 2 cannot transfer MessagePorts: only the top page transfers ports\""));

            raw.Send("{\"k\":\"send\",\"ch\":\"port\",\"a\":[null],\"p\":[1]}");
            rig.Main.Tick();

            Assert.That(heard, Is.EqualTo(1));
            Assert.That(ports, Is.EqualTo(1));
            raw.Close();
        }

        [Test]
        public void ASendFromAFrameNotAttachedIsRefusedWithANotice_AndReachesNoListener()
        {
            using var rig = new IpcRig();
            var raw = FrameTests.ViewWithFrame(rig);
            int heard = 0;
            rig.Main.On("ping", e => heard++);

            raw.Send("{\"k\":\"send\",\"ch\":\"ping\",\"fr\":7}");
            rig.Main.Tick();

            Assert.That(heard, Is.EqualTo(0));
            Assert.That(raw.AllReceived, Does.Contain("\"name\":\"ProtocolError\",\"message\":\"Unknown frame 7: no such frame is attached to view " + raw.Contents.Id + "\""));
            raw.Close();
        }

        [Test]
        public void AnInvokeFromAFrameNotAttachedIsAnsweredToThatFrameWithAnError_AndNoHandlerRuns()
        {
            using var rig = new IpcRig();
            var raw = FrameTests.ViewWithFrame(rig);
            int ran = 0;
            rig.Main.Handle("who", e => ++ran);

            raw.Send("{\"k\":\"invoke\",\"id\":4,\"ch\":\"who\",\"fr\":7}");
            rig.Main.Tick();

            Assert.That(ran, Is.EqualTo(0));
            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"result\",\"id\":4,\"fr\":7,\"e\":{\"name\":\"ProtocolError\",\"message\":\"Unknown frame 7"));
            raw.Close();
        }

        [TestCase("{\"k\":\"invoke\",\"id\":4,\"ch\":\"who\",\"fr\":\"2\"}", "Member 'fr' must be an integer", TestName = "fr as a string")]
        [TestCase("{\"k\":\"invoke\",\"id\":4,\"ch\":\"who\",\"fr\":-1}", "Member 'fr' is out of range (-1)", TestName = "fr negative")]
        [TestCase("{\"k\":\"invoke\",\"id\":4,\"ch\":\"who\",\"fr\":2.5}", "Member 'fr' must be an integer", TestName = "fr a fraction")]
        [TestCase("{\"k\":\"invoke\",\"id\":4,\"ch\":\"who\",\"fr\":4294967296}", "Member 'fr' is out of range (4294967296)", TestName = "fr over int")]
        public void AnFrOfTheWrongTypeIsAProtocolErrorForTheCaller(string envelope, string message)
        {
            using var rig = new IpcRig();
            var raw = FrameTests.ViewWithFrame(rig);
            int ran = 0;
            rig.Main.Handle("who", e => ++ran);

            raw.Send(envelope);
            rig.Main.Tick();

            Assert.That(ran, Is.EqualTo(0));
            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"result\",\"id\":4,\"e\":{\"name\":\"ProtocolError\",\"message\":\"" + message));
            raw.Close();
        }

        [Test]
        public void AFramesInvokeRefusedWhileBeingReadIsAnsweredToThatFrame_WhereverItsFrSits()
        {
            using var rig = new IpcRig();
            var raw = FrameTests.ViewWithFrame(rig);

            raw.Send("{\"k\":\"invoke\",\"ch\":5,\"id\":4,\"fr\":2}");
            rig.Main.Tick();

            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"result\",\"id\":4,\"fr\":2,\"e\":{\"name\":\"ProtocolError\",\"message\":\"Member 'ch' must be a string\""));
            raw.Close();
        }

        [TestCase("{\"k\":\"frame\",\"fr\":3}", "A frame envelope needs a string 'op' (attach, navigate or detach)", TestName = "Frame op missing")]
        [TestCase("{\"k\":\"frame\",\"fr\":3,\"op\":\"explode\"}", "Unknown frame op 'explode' (attach, navigate or detach)", TestName = "Frame op unknown")]
        [TestCase("{\"k\":\"frame\",\"fr\":3,\"op\":7}", "Member 'op' of a frame envelope must be a string", TestName = "Frame op not a string")]
        [TestCase("{\"k\":\"frame\",\"fr\":3,\"op\":\"attach\",\"origin\":5}", "Member 'origin' of a frame envelope must be a string", TestName = "Frame origin not a string")]
        [TestCase("{\"k\":\"frame\",\"fr\":3,\"op\":\"attach\",\"parent\":\"0\"}", "Member 'parent' of a frame envelope must be a frame id (an integer >= 0)", TestName = "Frame parent not an integer")]
        [TestCase("{\"k\":\"frame\",\"fr\":3,\"op\":\"attach\",\"parent\":9}", "Frame 3's parent 9 is not attached to view", TestName = "Frame parent unknown")]
        [TestCase("{\"k\":\"frame\",\"op\":\"attach\"}", "A frame envelope needs 'fr' > 0", TestName = "Frame without fr")]
        [TestCase("{\"k\":\"frame\",\"fr\":2,\"op\":\"attach\"}", "Frame 2 is already attached to view", TestName = "Frame attached twice")]
        [TestCase("{\"k\":\"frame\",\"fr\":5,\"op\":\"navigate\"}", "Unknown frame 5: no such frame is attached to view", TestName = "Frame navigate unknown")]
        [TestCase("{\"k\":\"frame\",\"fr\":5,\"op\":\"detach\"}", "Unknown frame 5: no such frame is attached to view", TestName = "Frame detach unknown")]
        public void AMalformedOrImpossibleFrameEnvelopeIsRefusedWithANotice_AndChangesNothing(string envelope, string message)
        {
            using var rig = new IpcRig();
            var raw = FrameTests.ViewWithFrame(rig);
            var frame = raw.Contents.FindFrame(2);

            raw.Send(envelope);
            rig.Main.Tick();

            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"error\",\"e\":{\"name\":\"ProtocolError\",\"message\":\"" + message));
            Assert.That(rig.Diagnostics.Exists(d => d.Kind == IpcDiagnosticKind.ProtocolError && d.Message.Contains(message)), Is.True);
            Assert.That(raw.Contents.AllFrames, Has.Count.EqualTo(2));
            Assert.That(raw.Contents.FindFrame(2), Is.SameAs(frame));
            Assert.That(frame.Detached, Is.False);
            raw.Close();
        }

        [TestCase(2, 1, true, TestName = "Frames under the limit attach")]
        [TestCase(2, 2, true, TestName = "Frames at the limit attach")]
        [TestCase(2, 3, false, TestName = "One frame over the limit is refused")]
        [TestCase(0, 1, false, TestName = "A limit of 0 allows no subframe")]
        public void MaxFramesPerViewBoundsTheSubframesOfOneView(int max, int attach, bool allAttached)
        {
            using var rig = new IpcRig(new IpcOptions { MaxFramesPerView = max, TickTimeBudget = System.TimeSpan.FromSeconds(30) });
            var raw = new RawView(rig.Main);
            rig.Main.Tick();

            for (int id = 1; id <= attach; id++) raw.Send("{\"k\":\"frame\",\"fr\":" + id + ",\"op\":\"attach\",\"origin\":\"http://app.test\"}");
            rig.Main.Tick();

            Assert.That(raw.Contents.AllFrames, Has.Count.EqualTo(1 + System.Math.Min(attach, max)));
            string refusal = "\"name\":\"LimitError\",\"message\":\"Frame " + attach + " refused: view " + raw.Contents.Id + " already has " + max + " subframes (IpcOptions.MaxFramesPerView)\"";
            Assert.That(raw.AllReceived.Contains(refusal), Is.EqualTo(!allAttached));
            if (!allAttached)
            {
                // The refused frame's messages are refused as from an unknown frame; once another detaches, it may attach.
                raw.Send("{\"k\":\"send\",\"ch\":\"x\",\"fr\":" + attach + "}");
                rig.Main.Tick();
                Assert.That(raw.AllReceived, Does.Contain("Unknown frame " + attach));
            }
            if (max > 0 && !allAttached)
            {
                raw.Send("{\"k\":\"frame\",\"fr\":1,\"op\":\"detach\"}");
                raw.Send("{\"k\":\"frame\",\"fr\":" + attach + ",\"op\":\"attach\"}");
                rig.Main.Tick();
                Assert.That(raw.Contents.FindFrame(attach), Is.Not.Null);
            }
            raw.Close();
        }

        [Test]
        public void MaxFramesPerViewMustNotBeNegative()
        {
            Assert.Throws<System.ArgumentOutOfRangeException>(() => new IpcMain(new IpcOptions { MaxFramesPerView = -1 }));
        }
    }
}
