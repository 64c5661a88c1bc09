using System;
using NUnit.Framework;

namespace FrameIpc.Tests.Api.Ports
{
    /// <summary>A port moves once, never to the view holding its other end; refusals in Electron's words, nothing sent.</summary>
    public class PortTransferTests
    {
        [Test]
        public void APortCanBeTransferredOnlyOnce()
        {
            using var rig = PortWireTests.Rig();
            var a = PortWireTests.ReadyView(rig);
            var b = PortWireTests.ReadyView(rig);
            var channel = new MessageChannelMain(rig.Main);
            a.Contents.PostMessage("port", 0, new[] { channel.Port1 });
            rig.Main.Tick();
            b.Received.Clear();

            var ex = Assert.Throws<InvalidOperationException>(() => b.Contents.PostMessage("port", 0, new[] { channel.Port1 }));
            Assert.That(ex.Message, Is.EqualTo("Port at index 0 is already neutered."));
            Assert.Throws<InvalidOperationException>(() => channel.Port1.PostMessage("x"), "a transferred port is unusable here");
            rig.Main.Tick();
            Assert.That(b.AllReceived, Does.Not.Contain("\"port\""), "nothing was sent");
            a.Close();
            b.Close();
        }

        [Test]
        public void ADuplicateANullAndAClosedPortAreRefused_NamingTheirIndex()
        {
            using var rig = PortWireTests.Rig();
            var raw = PortWireTests.ReadyView(rig);
            var one = new MessageChannelMain(rig.Main);
            var two = new MessageChannelMain(rig.Main);
            Assert.That(Assert.Throws<InvalidOperationException>(() => raw.Contents.PostMessage("p", 0, new[] { one.Port1, two.Port1, one.Port1 })).Message,
                Is.EqualTo("Port at index 2 is a duplicate."));
            Assert.That(Assert.Throws<InvalidOperationException>(() => raw.Contents.PostMessage("p", 0, new[] { one.Port1, null })).Message,
                Is.EqualTo("Port at index 1 is null."));
            two.Port2.Close();
            Assert.That(Assert.Throws<InvalidOperationException>(() => raw.Contents.PostMessage("p", 0, new[] { two.Port2 })).Message,
                Is.EqualTo("Port at index 0 is closed."));
            Assert.That(one.Port1.IsTransferred, Is.False, "a refused transfer moves nothing");
            rig.Main.Tick();
            Assert.That(raw.AllReceived, Does.Not.Contain("\"ch\":\"p\""));
            raw.Close();
        }

        [Test]
        public void APortIsNeverTransferredToTheViewHoldingItsOtherEnd()
        {
            using var rig = PortWireTests.Rig();
            var raw = PortWireTests.ReadyView(rig);
            var port = PortWireTests.TakePagePort(rig, raw);
            var ex = Assert.Throws<InvalidOperationException>(() => raw.Contents.PostMessage("back", 0, new[] { port }));
            Assert.That(ex.Message, Is.EqualTo($"Port at index 0 is entangled with a port that view {raw.Contents.Id} holds already."));
            Assert.That(port.IsTransferred, Is.False);
            raw.Close();
        }

        [Test]
        public void AMessageThatCannotBeJson_TransfersNothing()
        {
            using var rig = PortWireTests.Rig();
            var raw = PortWireTests.ReadyView(rig);
            var channel = new MessageChannelMain(rig.Main);
            Assert.Throws<IpcException>(() => raw.Contents.PostMessage<Action>("p", () => { }, new[] { channel.Port1 }));
            Assert.That(channel.Port1.IsTransferred, Is.False);
            raw.Contents.PostMessage("p", 1, new[] { channel.Port1 });
            Assert.That(channel.Port1.IsTransferred, Is.True, "the port is still free to go");
            raw.Close();
        }

        [Test]
        public void ListeningToAnUnknownEventOrWithTheWrongShapeIsRefused()
        {
            using var rig = PortWireTests.Rig();
            var channel = new MessageChannelMain(rig.Main);
            Assert.Throws<ArgumentException>(() => channel.Port1.On("close", ev => { }));
            Assert.Throws<ArgumentException>(() => channel.Port1.On("message", () => { }));
            Assert.Throws<ArgumentException>(() => channel.Port1.On("messageerror", () => { }));
        }
    }
}
