using NUnit.Framework;

namespace FrameIpc.Tests.Protocol
{
    /// <summary>
    /// A refused invoke or sync is answered with an error result for its id whatever the order of its members: a bad
    /// member before <c>id</c> must not leave the caller waiting for its own timeout (members may come in any order).
    /// </summary>
    public class RefusedInvokeTests
    {
        [TestCase("{\"k\":\"invoke\",\"id\":7,\"ch\":5}", TestName = "Channel not a string, id first")]
        [TestCase("{\"k\":\"invoke\",\"ch\":5,\"id\":7}", TestName = "Channel not a string, id after ch")]
        [TestCase("{\"ch\":5,\"id\":7,\"k\":\"invoke\"}", TestName = "Channel not a string, kind last")]
        [TestCase("{\"k\":\"invoke\",\"a\":5,\"ch\":\"x\",\"id\":7}", TestName = "Arguments not an array, id last")]
        [TestCase("{\"k\":\"invoke\",\"ch\":\"x\",\"t\":-1,\"id\":7}", TestName = "Timeout out of range, id after it")]
        public void AnInvokeRefusedWhileBeingReadGetsAnErrorResult(string envelope)
        {
            using var rig = new IpcRig();
            var raw = new RawView(rig.Main);
            rig.Main.Tick();
            raw.Received.Clear();

            raw.Send(envelope);
            rig.Main.Tick();

            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"result\",\"id\":7,\"e\":{\"name\":\"ProtocolError\""));
            Assert.That(raw.AllReceived, Does.Not.Contain("\"k\":\"error\""), "the caller is answered, not sent a notice");
            Assert.That(rig.Diagnostics.Exists(d => d.Kind == IpcDiagnosticKind.ProtocolError), Is.True);
            raw.Close();
        }

        [TestCase("{\"k\":\"invoke\",\"id\":7,\"ch\":\"store:buy\"}", TestName = "Filtered channel, id first")]
        [TestCase("{\"k\":\"invoke\",\"ch\":\"store:buy\",\"id\":7}", TestName = "Filtered channel, id after ch")]
        [TestCase("{\"ch\":\"store:buy\",\"id\":7,\"k\":\"invoke\"}", TestName = "Filtered channel, kind last")]
        public void AnInvokeOnAChannelTheFilterRefusesGetsAForbiddenResult(string envelope)
        {
            using var rig = new IpcRig();
            var raw = new RawView(rig.Main, channels: IpcChannelFilter.Only("hud:*"));
            rig.Main.Handle("store:buy", e => 1);
            rig.Main.Tick();
            raw.Received.Clear();

            raw.Send(envelope);
            rig.Main.Tick();

            Assert.That(raw.AllReceived, Does.Contain(
                "{\"k\":\"result\",\"id\":7,\"e\":{\"name\":\"ForbiddenError\",\"message\":\"View " + raw.Contents.Id + " may not use channel 'store:buy'\",\"code\":\"EFORBIDDEN\"}}"));
            raw.Close();
        }

        [Test]
        public void AnEnvelopeWhoseIdIsItselfBadStillGetsANotice()
        {
            using var rig = new IpcRig();
            var raw = new RawView(rig.Main);
            rig.Main.Tick();
            raw.Received.Clear();

            raw.Send("{\"k\":\"invoke\",\"ch\":5,\"id\":\"seven\"}");
            rig.Main.Tick();

            Assert.That(raw.AllReceived, Does.Contain("\"k\":\"error\""), "nothing to answer by id: a notice is all that can go back");
            Assert.That(raw.AllReceived, Does.Not.Contain("\"k\":\"result\""));
            raw.Close();
        }

        [Test]
        public void ASyncRefusedWhileBeingReadIsAnsweredAtOnceWhateverTheOrder()
        {
            using var rig = new IpcRig();
            var raw = new RawView(rig.Main);
            rig.Main.Tick();
            raw.Received.Clear();

            raw.Send("{\"k\":\"sync\",\"ch\":5,\"id\":4}");
            rig.Main.Tick();

            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"result\",\"id\":4,\"e\":{\"name\":\"ProtocolError\",\"message\":\"Member 'ch' must be a string\",\"code\":\"EPROTO\"}}"));
            raw.Close();
        }
    }
}
