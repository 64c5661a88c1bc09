using System;
using System.Collections.Generic;
using NUnit.Framework;

namespace FrameIpc.Tests.Api.Ports
{
    /// <summary>Bad port traffic from a page: a clear error, nothing kept or leaked, and the connection goes on.</summary>
    public class PortBadInputTests
    {
        private static IEnumerable<TestCaseData> BadFrames()
        {
            yield return new TestCaseData("{\"k\":\"portmessage\",\"p\":9,\"a\":[1]}", "Unknown port id 9: no port with that id was transferred on this connection").SetName("Unknown page port id");
            yield return new TestCaseData("{\"k\":\"portmessage\",\"p\":-4,\"a\":[1]}", "Unknown port id -4").SetName("Unknown engine port id");
            yield return new TestCaseData("{\"k\":\"portclose\",\"p\":9}", "Unknown port id 9").SetName("Close of an unknown port");
            yield return new TestCaseData("{\"k\":\"portmessage\",\"p\":\"1\",\"a\":[1]}", "Member 'p' must be an integer").SetName("Port id not a number");
            yield return new TestCaseData("{\"k\":\"portmessage\",\"p\":0,\"a\":[1]}", "A 'portmessage' envelope needs a non-zero integer member 'p'").SetName("Port id zero");
            yield return new TestCaseData("{\"k\":\"portclose\"}", "A 'portclose' envelope needs a non-zero integer member 'p'").SetName("Close without id");
            yield return new TestCaseData("{\"k\":\"portmessage\",\"p\":1}", "needs an array member 'a' holding the message").SetName("Port message without a");
            yield return new TestCaseData("{\"k\":\"portmessage\",\"p\":1,\"a\":3}", "Member 'a' must be an array").SetName("Port message a not an array");
            yield return new TestCaseData("{\"k\":\"portmessage\",\"p\":9007199254740992,\"a\":[1]}", "Member 'p' is out of range").SetName("Port id past 2^53-1");
            yield return new TestCaseData("{\"k\":\"send\",\"ch\":\"port\",\"a\":[0],\"p\":[\"x\"]}", "Member 'p' must be an array of port ids (integers)").SetName("Transferred id not a number");
            yield return new TestCaseData("{\"k\":\"send\",\"ch\":\"port\",\"a\":[0],\"p\":[-2]}", "Port id -2 is not one a view may name").SetName("A page naming an engine id");
            yield return new TestCaseData("{\"k\":\"send\",\"ch\":\"port\",\"a\":[0],\"p\":[1]}", "Port id 1 was already used on this connection").SetName("A reused port id");
            yield return new TestCaseData("{\"k\":\"send\",\"ch\":\"port\",\"a\":[0],\"p\":[5,5]}", "Port id 5 was already used on this connection").SetName("The same id twice in one send");
            yield return new TestCaseData("{\"k\":\"send\",\"ch\":\"port\",\"a\":[0],\"p\":[7],\"to\":2}", "Ports cannot be transferred with a relay ('to')").SetName("Ports with a relay");
        }

        [TestCaseSource(nameof(BadFrames))]
        public void BadPortTrafficGetsAClearErrorAndTheConnectionGoesOn(string frame, string text)
        {
            using var rig = PortWireTests.Rig();
            var raw = PortWireTests.ReadyView(rig);
            MessagePortMain port = null;
            int sends = 0;
            rig.Main.On("port", e => { port = e.Ports.Count > 0 ? e.Ports[0] : port; sends++; });
            raw.Send("{\"k\":\"send\",\"ch\":\"port\",\"a\":[0],\"p\":[1]}");
            rig.Main.Tick();
            var got = new List<int>();
            port.On("message", ev => got.Add(ev.Data<int>()));
            port.Start();
            rig.Diagnostics.Clear();
            raw.Received.Clear();

            raw.Send(frame);
            raw.Send("{\"k\":\"portmessage\",\"p\":1,\"a\":[5]}");
            rig.Main.Tick();

            var d = rig.Diagnostics.Find(x => x.Kind == IpcDiagnosticKind.ProtocolError);
            Assert.That(rig.Diagnostics.Exists(x => x.Kind == IpcDiagnosticKind.ProtocolError), Is.True, string.Join("; ", rig.Diagnostics));
            Assert.That(d.Message, Does.Contain(text));
            Assert.That(raw.AllReceived, Does.Contain("\"k\":\"error\"").And.Contains(text.Substring(0, Math.Min(text.Length, 30))));
            Assert.That(got, Is.EqualTo(new[] { 5 }), "the port still works");
            Assert.That(sends, Is.EqualTo(1), "a refused send reaches no listener");
            Assert.That(raw.Contents.Ports.Count, Is.EqualTo(1), "nothing was kept for a refused transfer");
            raw.Close();
        }

        [Test]
        public void AMessageForAClosedPort_IsDroppedWithADiagnostic_NotAnError()
        {
            using var rig = PortWireTests.Rig();
            var raw = PortWireTests.ReadyView(rig);
            var port = PortWireTests.TakePagePort(rig, raw);
            port.Close();
            rig.Main.Tick();
            rig.Diagnostics.Clear();
            raw.Received.Clear();

            raw.Send("{\"k\":\"portmessage\",\"p\":1,\"a\":[\"crossed the close\"]}");
            rig.Main.Tick();
            var d = rig.Diagnostics.Find(x => x.Kind == IpcDiagnosticKind.Undeliverable);
            Assert.That(d.Message, Is.EqualTo($"A 'portmessage' for port 1 of view {raw.Contents.Id} was dropped: that port is closed"));
            Assert.That(raw.AllReceived, Does.Not.Contain("\"k\":\"error\""), "a message that crossed a close is no protocol error");
            Assert.That(raw.Contents.Ports.Count, Is.EqualTo(0));
            raw.Close();
        }

        [Test]
        public void AListenerThatThrowsIsReported_AndTheNextMessageStillArrives()
        {
            using var rig = PortWireTests.Rig();
            var channel = new MessageChannelMain(rig.Main);
            int calls = 0;
            channel.Port2.On("message", ev => { calls++; throw new InvalidOperationException("boom"); });
            channel.Port2.Start();
            channel.Port1.PostMessage(1);
            channel.Port1.PostMessage(2);
            rig.Main.Tick();
            Assert.That(calls, Is.EqualTo(2));
            Assert.That(rig.Diagnostics.FindAll(d => d.Kind == IpcDiagnosticKind.ListenerError).Count, Is.EqualTo(2));
        }
    }
}
