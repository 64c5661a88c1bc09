using System;
using NUnit.Framework;

namespace FrameIpc.Tests.Api.Ports
{
    /// <summary>A port nobody starts, and a page that transfers port after port, are bounded: at, under and over each limit.</summary>
    public class PortLimitTests
    {
        // A message's 'a' array is what is counted: ["xxxx"] is 4 + 4 characters.
        private static string Message(int chars) => "[\"" + new string('x', chars - 4) + "\"]";

        [TestCase(99, true, TestName = "QueuedChars_UnderTheLimit_Kept")]
        [TestCase(100, true, TestName = "QueuedChars_AtTheLimit_Kept")]
        [TestCase(101, false, TestName = "QueuedChars_OverTheLimit_Refused")]
        public void APortNobodyStarted_QueuesUpToMaxPortQueuedChars(int chars, bool kept)
        {
            using var rig = PortWireTests.Rig(new IpcOptions { MaxPortQueuedChars = 100, TickTimeBudget = TimeSpan.FromSeconds(30) });
            var raw = PortWireTests.ReadyView(rig);
            var port = PortWireTests.TakePagePort(rig, raw);
            raw.Received.Clear();

            raw.Send("{\"k\":\"portmessage\",\"p\":1,\"a\":" + Message(chars) + "}");
            rig.Main.Tick();

            Assert.That(port.QueuedChars, Is.EqualTo(kept ? chars : 0));
            bool refused = rig.Diagnostics.Exists(d => d.Kind == IpcDiagnosticKind.LimitExceeded);
            var refusal = rig.Diagnostics.Find(d => d.Kind == IpcDiagnosticKind.LimitExceeded);
            Assert.That(refused, Is.EqualTo(!kept));
            if (kept)
            {
                Assert.That(raw.AllReceived, Does.Not.Contain("LimitError"));
            }
            else
            {
                var text = $"A port message of {chars} characters was refused: 0 characters already wait on a MessagePortMain that nobody started (limit 100, IpcOptions.MaxPortQueuedChars)";
                Assert.That(refusal.Message, Is.EqualTo(text));
                Assert.That(raw.AllReceived, Does.Contain("\"name\":\"LimitError\",\"message\":\"" + text + "\",\"code\":\"ELIMIT\""));
            }
            // The connection goes on: once started, what was kept arrives, and the next message too.
            int got = 0;
            port.On("message", ev => got++);
            port.Start();
            raw.Send("{\"k\":\"portmessage\",\"p\":1,\"a\":[1]}");
            rig.Main.Tick();
            Assert.That(got, Is.EqualTo(kept ? 2 : 1));
            raw.Close();
        }

        [TestCase(99, true, TestName = "EnginePost_UnderTheLimit_Kept")]
        [TestCase(100, true, TestName = "EnginePost_AtTheLimit_Kept")]
        [TestCase(101, false, TestName = "EnginePost_OverTheLimit_Throws")]
        public void AnEnginePortsPost_ToAPortNobodyStarted_ThrowsPastTheLimit(int chars, bool kept)
        {
            using var rig = PortWireTests.Rig(new IpcOptions { MaxPortQueuedChars = 100, TickTimeBudget = TimeSpan.FromSeconds(30) });
            var channel = new MessageChannelMain(rig.Main);
            var text = new string('x', chars - 4);
            if (kept)
            {
                channel.Port1.PostMessage(text);
                Assert.That(channel.Port2.QueuedChars, Is.EqualTo(chars));
            }
            else
            {
                var ex = Assert.Throws<IpcException>(() => channel.Port1.PostMessage(text));
                Assert.That(ex.Name, Is.EqualTo("LimitError"));
                Assert.That(channel.Port2.QueuedChars, Is.EqualTo(0));
            }
        }

        [TestCase(2, true, TestName = "PortsPerView_AtTheLimit_Kept")]
        [TestCase(3, false, TestName = "PortsPerView_OverTheLimit_Refused")]
        [TestCase(1, true, TestName = "PortsPerView_UnderTheLimit_Kept")]
        public void APageTransfersAtMostMaxPortsPerView(int count, bool kept)
        {
            using var rig = PortWireTests.Rig(new IpcOptions { MaxPortsPerView = 2, TickTimeBudget = TimeSpan.FromSeconds(30) });
            var raw = PortWireTests.ReadyView(rig);
            int ports = -1;
            rig.Main.On("port", e => ports = e.Ports.Count);
            var ids = string.Join(",", new[] { "1", "2", "3" }, 0, count);
            raw.Send("{\"k\":\"send\",\"ch\":\"port\",\"a\":[0],\"p\":[" + ids + "]}");
            rig.Main.Tick();
            Assert.That(ports, Is.EqualTo(kept ? count : -1));
            Assert.That(raw.Contents.Ports.Count, Is.EqualTo(kept ? count : 0));
            if (!kept)
                Assert.That(raw.AllReceived, Does.Contain("3 port(s) refused: view holds 0 open ports, and at most 2 are allowed (IpcOptions.MaxPortsPerView)"));
            raw.Close();
        }

        [Test]
        public void TheEngineTransfersAtMostMaxPortsPerView()
        {
            using var rig = PortWireTests.Rig(new IpcOptions { MaxPortsPerView = 1, TickTimeBudget = TimeSpan.FromSeconds(30) });
            var raw = PortWireTests.ReadyView(rig);
            var one = new MessageChannelMain(rig.Main);
            var two = new MessageChannelMain(rig.Main);
            raw.Contents.PostMessage("port", 0, new[] { one.Port1 });
            var ex = Assert.Throws<IpcException>(() => raw.Contents.PostMessage("port", 0, new[] { two.Port1 }));
            Assert.That(ex.Message, Is.EqualTo($"Cannot post on 'port': view {raw.Contents.Id} holds 1 open ports, and at most 1 are allowed (IpcOptions.MaxPortsPerView)"));
            Assert.That(two.Port1.IsTransferred, Is.False);
            one.Port2.Close(); // frees the view's slot
            rig.Main.Tick();
            raw.Contents.PostMessage("port", 0, new[] { two.Port1 });
            Assert.That(two.Port1.IsTransferred, Is.True);
            raw.Close();
        }
    }
}
