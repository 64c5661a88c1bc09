using System.Collections.Generic;
using NUnit.Framework;

namespace FrameIpc.Tests.Api
{
    public class SendToTests
    {
        [Test]
        public void SendToRelaysThroughTheEngineWithTheOriginViewsId()
        {
            using var rig = new IpcRig();
            var (a, viewA) = rig.AddView();
            var (b, viewB) = rig.AddView();
            var got = new List<string>();
            viewB.On("chat", e => got.Add($"{e.SenderId}:{e.Arg<string>(0)}"));
            int engineSaw = 0;
            rig.Main.On("chat", e => engineSaw++);

            viewA.SendTo(b.Id, "chat", "hello b");
            rig.Pump(() => got.Count == 1);

            Assert.That(got[0], Is.EqualTo($"{a.Id}:hello b"));
            Assert.That(engineSaw, Is.EqualTo(0), "a relay is not an engine message");
        }

        [Test]
        public void SendToAMissingViewIsReportedToTheSender()
        {
            using var rig = new IpcRig();
            var (a, viewA) = rig.AddView();
            viewA.SendTo(99, "chat", "anyone?");
            rig.Pump(() => rig.ViewDiagnostics.Exists(d => d.Kind == IpcDiagnosticKind.PeerError));
            Assert.That(rig.ViewDiagnostics.Find(d => d.Kind == IpcDiagnosticKind.PeerError).Message,
                Does.Contain("Cannot relay 'chat' to view 99: there is no such view"));
            Assert.That(rig.Diagnostics.Exists(d => d.Kind == IpcDiagnosticKind.Undeliverable), Is.True);
        }

        [Test]
        public void ArgumentsJsonCannotCarryFailAtTheSender()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            System.Action callback = () => { };
            var delegateError = Assert.Throws<IpcException>(() => view.Send("x", callback));
            Assert.That(delegateError.Message, Does.StartWith("Cannot send on 'x': an argument cannot be sent as JSON"));
            Assert.That(delegateError.Message, Does.Contain("System.Action"));

            var cycle = new Node();
            cycle.Next = cycle;
            var cycleError = Assert.Throws<IpcException>(() => contents.Send("y", cycle));
            Assert.That(cycleError.Message, Does.Contain("Self referencing loop"));
            Assert.Throws<IpcException>(() => view.InvokeAsync<Node, int>("z", cycle));

            int got = 0;
            rig.Main.On("ok", e => got = e.Arg<int>(0));
            view.Send("ok", 5);
            rig.Pump(() => got == 5);
        }

        public class Node
        {
            public Node Next;
        }
    }
}
