using System;
using System.Collections.Generic;
using NUnit.Framework;

namespace FrameIpc.Tests.Api.Ports
{
    /// <summary>MessagePorts on the wire, with raw frames: a page's ports in e.Ports, the engine's in a send's p, page to page.</summary>
    public class PortWireTests
    {
        internal static IpcRig Rig(IpcOptions options = null) => new IpcRig(options ?? new IpcOptions { TickTimeBudget = TimeSpan.FromSeconds(30) });

        /// <summary>A raw view through its handshake, with what it received so far cleared.</summary>
        internal static RawView ReadyView(IpcRig rig)
        {
            var raw = new RawView(rig.Main);
            rig.Main.Tick();
            Assert.That(raw.Contents.IsReady, Is.True);
            raw.Received.Clear();
            return raw;
        }

        /// <summary>The raw view transfers its port 1 on 'port'; returns the engine's end, which the listener got in e.Ports.</summary>
        internal static MessagePortMain TakePagePort(IpcRig rig, RawView raw)
        {
            MessagePortMain port = null;
            rig.Main.Once("port", e => port = e.Ports[0]);
            raw.Send("{\"k\":\"send\",\"ch\":\"port\",\"a\":[0],\"p\":[1]}");
            rig.Main.Tick();
            Assert.That(port, Is.Not.Null, "the listener got the port");
            return port;
        }

        [Test]
        public void APagesPortArrivesInEPorts_AndTalksBothWays()
        {
            using var rig = Rig();
            var raw = ReadyView(rig);
            MessagePortMain port = null;
            string message = null;
            rig.Main.On("port", e =>
            {
                port = e.Ports[0];
                message = e.Arg<string>(0);
            });
            raw.Send("{\"k\":\"send\",\"ch\":\"port\",\"a\":[\"take it\"],\"p\":[1]}");
            rig.Main.Tick();
            Assert.That(port, Is.Not.Null);
            Assert.That(message, Is.EqualTo("take it"));

            var got = new List<string>();
            port.On("message", ev => got.Add(ev.Data<string>()));
            port.Start();
            raw.Send("{\"k\":\"batch\",\"m\":[{\"k\":\"portmessage\",\"p\":1,\"a\":[\"one\"]},{\"k\":\"portmessage\",\"p\":1,\"a\":[\"two\"]}]}");
            rig.Main.Tick();
            Assert.That(got, Is.EqualTo(new[] { "one", "two" }));

            port.PostMessage(new { hp = 3 });
            rig.Main.Tick();
            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"portmessage\",\"p\":1,\"a\":[{\"hp\":3}]}"));
            raw.Close();
        }

        [Test]
        public void PortsSentOnAChannelNobodyListensTo_AreClosedAtOnce()
        {
            using var rig = Rig();
            var raw = ReadyView(rig);
            raw.Send("{\"k\":\"send\",\"ch\":\"nobody\",\"a\":[0],\"p\":[1,2]}");
            rig.Main.Tick();
            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"portclose\",\"p\":1},{\"k\":\"portclose\",\"p\":2}"));
            Assert.That(raw.Contents.Ports.Count, Is.EqualTo(0), "nothing kept");
            Assert.That(rig.Diagnostics.Exists(d => d.Kind == IpcDiagnosticKind.Undeliverable && d.Message == "2 port(s) sent on 'nobody' with no listener were closed"), Is.True);
            raw.Close();
        }

        [Test]
        public void AnEventWithoutPortsHasAnEmptyPortsList()
        {
            using var rig = Rig();
            var raw = ReadyView(rig);
            int count = -1;
            rig.Main.On("plain", e => count = e.Ports.Count);
            raw.Send("{\"k\":\"send\",\"ch\":\"plain\",\"a\":[1]}");
            rig.Main.Tick();
            Assert.That(count, Is.EqualTo(0));
            raw.Close();
        }

        [Test]
        public void AnEnginePortPostedToAView_GoesOutWithANegativeId_AndTalksBothWays()
        {
            using var rig = Rig();
            var raw = ReadyView(rig);
            var channel = new MessageChannelMain(rig.Main);
            raw.Contents.PostMessage("port", "here", new[] { channel.Port2 });
            rig.Main.Tick();
            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"send\",\"ch\":\"port\",\"a\":[\"here\"],\"p\":[-1]}"));
            Assert.That(channel.Port2.IsTransferred, Is.True);

            channel.Port1.PostMessage(42);
            rig.Main.Tick();
            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"portmessage\",\"p\":-1,\"a\":[42]}"));

            var got = new List<int>();
            channel.Port1.On("message", ev => got.Add(ev.Data<int>()));
            channel.Port1.Start();
            raw.Send("{\"k\":\"portmessage\",\"p\":-1,\"a\":[7]}");
            rig.Main.Tick();
            Assert.That(got, Is.EqualTo(new[] { 7 }));
            raw.Close();
        }

        [Test]
        public void TwoViewsJoinedByAnEngineChannel_TalkPageToPage_InOrder_WithNoEngineCode()
        {
            using var rig = Rig();
            var a = ReadyView(rig);
            var b = ReadyView(rig);
            var channel = new MessageChannelMain(rig.Main);
            a.Contents.PostMessage("join", "to b", new[] { channel.Port1 });
            b.Contents.PostMessage("join", "to a", new[] { channel.Port2 });
            rig.Main.Tick();
            a.Received.Clear();
            b.Received.Clear();

            a.Send("{\"k\":\"batch\",\"m\":[{\"k\":\"portmessage\",\"p\":-1,\"a\":[1]},{\"k\":\"portmessage\",\"p\":-1,\"a\":[2]},{\"k\":\"portmessage\",\"p\":-1,\"a\":[3]}]}");
            b.Send("{\"k\":\"portmessage\",\"p\":-1,\"a\":[\"back\"]}");
            rig.Main.Tick();

            Assert.That(b.AllReceived, Does.Contain("{\"k\":\"portmessage\",\"p\":-1,\"a\":[1]},{\"k\":\"portmessage\",\"p\":-1,\"a\":[2]},{\"k\":\"portmessage\",\"p\":-1,\"a\":[3]}"));
            Assert.That(a.AllReceived, Does.Contain("{\"k\":\"portmessage\",\"p\":-1,\"a\":[\"back\"]}"));
            Assert.That(rig.Diagnostics.Exists(d => d.Kind != IpcDiagnosticKind.Lifecycle), Is.False, string.Join("; ", rig.Diagnostics));

            a.Send("{\"k\":\"portclose\",\"p\":-1}");
            rig.Main.Tick();
            Assert.That(b.AllReceived, Does.Contain("{\"k\":\"portclose\",\"p\":-1}"));
            a.Close();
            b.Close();
        }

        [Test]
        public void MessagesQueueUntilStart_ThenArriveInOrderAtTheNextTick()
        {
            using var rig = Rig();
            var raw = ReadyView(rig);
            var port = PortWireTests.TakePagePort(rig, raw);
            var got = new List<int>();
            port.On("message", ev => got.Add(ev.Data<int>()));
            raw.Send("{\"k\":\"batch\",\"m\":[{\"k\":\"portmessage\",\"p\":1,\"a\":[1]},{\"k\":\"portmessage\",\"p\":1,\"a\":[2]}]}");
            rig.Main.Tick();
            rig.Main.Tick();
            Assert.That(got, Is.Empty, "not started: the messages wait");
            Assert.That(port.QueuedChars, Is.EqualTo(6));

            port.Start();
            raw.Send("{\"k\":\"portmessage\",\"p\":1,\"a\":[3]}");
            rig.Main.Tick();
            Assert.That(got, Is.EqualTo(new[] { 1, 2, 3 }), "queued ones first, then the new one, in order");
            Assert.That(port.QueuedChars, Is.EqualTo(0));
            raw.Close();
        }

        [Test]
        public void EnginePortsTalkToEachOther_InTheTick_AfterStart()
        {
            using var rig = Rig();
            var channel = new MessageChannelMain(rig.Main);
            var got = new List<string>();
            channel.Port2.On("message", ev => got.Add(ev.Data<string>()));
            channel.Port1.PostMessage("a");
            channel.Port1.PostMessage("b");
            rig.Main.Tick();
            Assert.That(got, Is.Empty);
            channel.Port2.Start();
            Assert.That(got, Is.Empty, "delivered in the tick, not in Start");
            rig.Main.Tick();
            Assert.That(got, Is.EqualTo(new[] { "a", "b" }));
        }

        [Test]
        public void ClosingOneEnd_RaisesCloseOnTheOther_AndPostingAfterwardsDoesNothing()
        {
            using var rig = Rig();
            var raw = ReadyView(rig);
            var channel = new MessageChannelMain(rig.Main);
            raw.Contents.PostMessage("port", 0, new[] { channel.Port2 });
            int closed = 0;
            channel.Port1.On("close", () => closed++);
            raw.Send("{\"k\":\"portclose\",\"p\":-1}");
            rig.Main.Tick();
            rig.Main.Tick();
            Assert.That(closed, Is.EqualTo(1));
            Assert.That(channel.Port1.IsClosed, Is.True);
            raw.Received.Clear();
            channel.Port1.PostMessage("lost");
            rig.Main.Tick();
            Assert.That(raw.AllReceived, Does.Not.Contain("portmessage"));

            var local = new MessageChannelMain(rig.Main);
            int localClosed = 0;
            local.Port2.On("close", () => localClosed++);
            local.Port1.Close();
            local.Port1.Close();
            rig.Main.Tick();
            Assert.That(localClosed, Is.EqualTo(1), "close is raised once, on the other end");
            raw.Close();
        }

        [Test]
        public void ClosingAnEnginePort_SendsPortcloseToTheView()
        {
            using var rig = Rig();
            var raw = ReadyView(rig);
            var port = PortWireTests.TakePagePort(rig, raw);
            port.Close();
            rig.Main.Tick();
            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"portclose\",\"p\":1}"));
            raw.Close();
        }

        [Test]
        public void AViewThatReloadsWhileHoldingPorts_ClosesTheOtherEnds_InTheEngineAndInOtherViews()
        {
            using var rig = Rig();
            var a = ReadyView(rig);
            var b = ReadyView(rig);
            var toB = new MessageChannelMain(rig.Main);
            a.Contents.PostMessage("join", 0, new[] { toB.Port1 });
            b.Contents.PostMessage("join", 0, new[] { toB.Port2 });
            var engine = new MessageChannelMain(rig.Main);
            a.Contents.PostMessage("engine", 0, new[] { engine.Port2 });
            int closed = 0;
            engine.Port1.On("close", () => closed++);
            rig.Main.Tick();
            b.Received.Clear();

            a.Send("{\"k\":\"hello\",\"v\":1}"); // the page reloaded
            rig.Main.Tick();
            rig.Main.Tick();

            Assert.That(closed, Is.EqualTo(1), "the engine's end got close");
            Assert.That(b.AllReceived, Does.Contain("{\"k\":\"portclose\",\"p\":-1}"), "the other view's end got portclose");
            a.Send("{\"k\":\"portmessage\",\"p\":-1,\"a\":[1]}");
            rig.Main.Tick();
            Assert.That(b.AllReceived, Does.Not.Contain("portmessage"));
            a.Close();
            b.Close();
        }

        [Test]
        public void AViewThatGoesAway_ClosesTheOtherEnds()
        {
            using var rig = Rig();
            var a = ReadyView(rig);
            var channel = new MessageChannelMain(rig.Main);
            a.Contents.PostMessage("port", 0, new[] { channel.Port2 });
            int closed = 0;
            channel.Port1.On("close", () => closed++);
            rig.Main.Tick();
            a.Close();
            rig.Main.Tick();
            rig.Main.Tick();
            Assert.That(closed, Is.EqualTo(1));
        }

        [Test]
        public void APortsQueuedMessagesFollowItWhenItIsTransferred()
        {
            using var rig = Rig();
            var raw = ReadyView(rig);
            var channel = new MessageChannelMain(rig.Main);
            channel.Port1.PostMessage("early");
            raw.Contents.PostMessage("port", 0, new[] { channel.Port2 });
            rig.Main.Tick();
            Assert.That(raw.AllReceived, Does.Contain("\"p\":[-1]}"));
            Assert.That(raw.AllReceived.IndexOf("{\"k\":\"portmessage\",\"p\":-1,\"a\":[\"early\"]}", StringComparison.Ordinal),
                Is.GreaterThan(raw.AllReceived.IndexOf("\"p\":[-1]", StringComparison.Ordinal)), "after the send that transfers it");
            raw.Close();
        }

        [Test]
        public void APagesPortRelayedOnToAnotherView_TalksPageToPage()
        {
            using var rig = Rig();
            var a = ReadyView(rig);
            var b = ReadyView(rig);
            var port = PortWireTests.TakePagePort(rig, a);
            b.Contents.PostMessage("from-a", 0, new[] { port });
            rig.Main.Tick();
            b.Received.Clear();
            a.Send("{\"k\":\"portmessage\",\"p\":1,\"a\":[\"hi b\"]}");
            b.Send("{\"k\":\"portmessage\",\"p\":-1,\"a\":[\"hi a\"]}");
            rig.Main.Tick();
            Assert.That(b.AllReceived, Does.Contain("{\"k\":\"portmessage\",\"p\":-1,\"a\":[\"hi b\"]}"));
            Assert.That(a.AllReceived, Does.Contain("{\"k\":\"portmessage\",\"p\":1,\"a\":[\"hi a\"]}"));
            a.Close();
            b.Close();
        }
    }
}
