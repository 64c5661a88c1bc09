using System.Collections.Generic;
using NUnit.Framework;

namespace FrameIpc.Tests.Api
{
    public class SendToTests
    {
        /// <summary>An engine that lets views relay (off by default), ticked as every rig is.</summary>
        private static IpcRig RelayRig() => new IpcRig(new IpcOptions { AllowRelay = true, TickTimeBudget = System.TimeSpan.FromSeconds(30) });

        [Test]
        public void SendToRelaysThroughTheEngineWithTheOriginViewsId()
        {
            using var rig = RelayRig();
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
            Assert.That(rig.Main.RelaysDelivered, Is.EqualTo(1));
            Assert.That(rig.Main.RelaysRefused, Is.EqualTo(0));
        }

        [Test]
        public void SendToAMissingViewIsReportedToTheSender()
        {
            using var rig = RelayRig();
            var (a, viewA) = rig.AddView();
            viewA.SendTo(99, "chat", "anyone?");
            rig.Pump(() => rig.ViewDiagnostics.Exists(d => d.Kind == IpcDiagnosticKind.PeerError));
            Assert.That(rig.ViewDiagnostics.Find(d => d.Kind == IpcDiagnosticKind.PeerError).Message,
                Does.Contain("Cannot relay 'chat' to view 99: there is no such view"));
            Assert.That(rig.Diagnostics.Exists(d => d.Kind == IpcDiagnosticKind.Undeliverable), Is.True);
            Assert.That(rig.Main.RelaysRefused, Is.EqualTo(1));
        }

        [Test]
        public void RelayIsOffByDefault_TheSenderGetsAForbiddenErrorAndTheOtherViewNothing()
        {
            Assert.That(new IpcOptions().AllowRelay, Is.False);
            using var rig = new IpcRig();
            var (a, viewA) = rig.AddView();
            var (b, viewB) = rig.AddView();
            int got = 0;
            viewB.On("chat", e => got++);

            viewA.SendTo(b.Id, "chat", "hello b");
            rig.Pump(() => rig.ViewDiagnostics.Exists(d => d.Kind == IpcDiagnosticKind.PeerError), "the sender's error notice");
            for (int i = 0; i < 3; i++) rig.TickAll();

            Assert.That(got, Is.EqualTo(0));
            var message = $"Cannot relay 'chat' to view {b.Id}: relay between views is off (IpcOptions.AllowRelay)";
            Assert.That(rig.ViewDiagnostics.Find(d => d.Kind == IpcDiagnosticKind.PeerError).Message,
                Is.EqualTo("the peer reported ForbiddenError (EFORBIDDEN): " + message));
            var engineSide = rig.Diagnostics.Find(d => d.Kind == IpcDiagnosticKind.Forbidden);
            Assert.That(engineSide.Message, Is.EqualTo(message));
            Assert.That(engineSide.ViewId, Is.EqualTo(a.Id));
            Assert.That(engineSide.Channel, Is.EqualTo("chat"));
            Assert.That(rig.Main.RelaysRefused, Is.EqualTo(1));
        }

        [Test]
        public void ARelayMustPassTheSendersChannelFilter()
        {
            using var rig = RelayRig();
            var (store, viewStore) = rig.AddView(channels: IpcChannelFilter.Only("store:*"));
            var (hud, viewHud) = rig.AddView();
            var got = new List<string>();
            viewHud.On("hud:ammo", e => got.Add("hud:ammo"));
            viewHud.On("store:opened", e => got.Add("store:opened"));

            viewStore.SendTo(hud.Id, "hud:ammo", 99);
            viewStore.SendTo(hud.Id, "store:opened", 1);
            rig.Pump(() => got.Count == 1);
            for (int i = 0; i < 3; i++) rig.TickAll();

            Assert.That(got, Is.EqualTo(new[] { "store:opened" }), "only what the sender's filter allows is relayed");
            Assert.That(rig.ViewDiagnostics.Exists(d => d.Message.Contains($"ForbiddenError (EFORBIDDEN): View {store.Id} may not use channel 'hud:ammo'")), Is.True);
        }

        [Test]
        public void ARelayMustPassTheReceiversChannelFilter()
        {
            using var rig = RelayRig();
            var (store, viewStore) = rig.AddView(channels: IpcChannelFilter.Only("store:*"));
            var (hud, viewHud) = rig.AddView(channels: IpcChannelFilter.Only("hud:*"));
            var got = new List<string>();
            viewHud.On("store:purchased", e => got.Add(e.Arg<string>(0)));

            viewStore.SendTo(hud.Id, "store:purchased", "{\"price\":0}");
            rig.Pump(() => rig.ViewDiagnostics.Exists(d => d.Kind == IpcDiagnosticKind.PeerError), "the sender's error notice");
            for (int i = 0; i < 3; i++) rig.TickAll();

            Assert.That(got, Is.Empty, "the HUD may not use store channels, so no view may relay them to it");
            var message = $"Cannot relay 'store:purchased' to view {hud.Id}: view {hud.Id} may not use channel 'store:purchased'";
            Assert.That(rig.ViewDiagnostics.Find(d => d.Kind == IpcDiagnosticKind.PeerError).Message, Does.EndWith(message));
            Assert.That(rig.Diagnostics.Exists(d => d.Kind == IpcDiagnosticKind.Forbidden && d.Message == message), Is.True);
        }

        [Test]
        public void TheEnginesRelayFilterSeesEachRelayAndMayRefuseIt()
        {
            using var rig = RelayRig();
            var (a, viewA) = rig.AddView();
            var (b, viewB) = rig.AddView();
            var asked = new List<string>();
            rig.Main.RelayFilter = (from, to, channel) =>
            {
                asked.Add($"{from.Id}->{to.Id}:{channel}");
                return channel != "chat:secret";
            };
            var got = new List<string>();
            viewB.On("chat:hello", e => got.Add("chat:hello"));
            viewB.On("chat:secret", e => got.Add("chat:secret"));

            viewA.SendTo(b.Id, "chat:secret", "x");
            viewA.SendTo(b.Id, "chat:hello", "y");
            rig.Pump(() => got.Count == 1);
            for (int i = 0; i < 3; i++) rig.TickAll();

            Assert.That(asked, Is.EqualTo(new[] { $"{a.Id}->{b.Id}:chat:secret", $"{a.Id}->{b.Id}:chat:hello" }));
            Assert.That(got, Is.EqualTo(new[] { "chat:hello" }));
            Assert.That(rig.ViewDiagnostics.Exists(d => d.Message.EndsWith($"Cannot relay 'chat:secret' to view {b.Id}: refused by IpcMain.RelayFilter")), Is.True);
            Assert.That(rig.Main.RelaysDelivered, Is.EqualTo(1));
            Assert.That(rig.Main.RelaysRefused, Is.EqualTo(1));
        }

        [Test]
        public void ARelayFilterThatThrowsRefusesTheRelay()
        {
            using var rig = RelayRig();
            var (a, viewA) = rig.AddView();
            var (b, viewB) = rig.AddView();
            rig.Main.RelayFilter = (from, to, channel) => throw new System.InvalidOperationException("hook broke");
            int got = 0;
            viewB.On("chat", e => got++);

            viewA.SendTo(b.Id, "chat", "x");
            rig.Pump(() => rig.ViewDiagnostics.Exists(d => d.Kind == IpcDiagnosticKind.PeerError), "the sender's error notice");
            for (int i = 0; i < 3; i++) rig.TickAll();

            Assert.That(got, Is.EqualTo(0));
            Assert.That(rig.Diagnostics.Exists(d => d.Kind == IpcDiagnosticKind.ListenerError && d.Message == "the RelayFilter threw: hook broke"), Is.True);
            Assert.That(rig.Diagnostics.Exists(d => d.Kind == IpcDiagnosticKind.Forbidden), Is.True);
        }

        [Test]
        public void RelaysAreVisibleToTheTracerAndTheMonitor()
        {
            using var rig = RelayRig();
            var (a, viewA) = rig.AddView();
            var (b, viewB) = rig.AddView(channels: IpcChannelFilter.Only("chat"));
            int got = 0;
            viewB.On("chat", e => got++);
            using var monitor = new IpcMonitorModel(rig.Main);

            viewA.SendTo(b.Id, "chat", "x");
            viewA.SendTo(b.Id, "other", "y");
            rig.Pump(() => got == 1 && rig.ViewDiagnostics.Exists(d => d.Kind == IpcDiagnosticKind.PeerError));
            monitor.Poll();

            Assert.That(monitor.RelaysDelivered, Is.EqualTo(1));
            Assert.That(monitor.RelaysRefused, Is.EqualTo(1));
            var lines = new List<string>();
            for (int i = 0; i < monitor.Log.Count; i++) lines.Add(monitor.FormatLogLine(i));
            Assert.That(lines.Exists(l => l.Contains($"view {a.Id}  in   send    chat") && l.Contains($"relay to view {b.Id}")), Is.True, string.Join("\n", lines));
            Assert.That(lines.Exists(l => l.Contains($"view {b.Id}  out  send    chat") && l.Contains($"relay from view {a.Id}")), Is.True, string.Join("\n", lines));
            Assert.That(lines.Exists(l => l.Contains($"view {a.Id}  in   send    other") && l.Contains($"relay to view {b.Id}")), Is.True, "a refused relay is traced as it came in");
            var entries = new IpcTraceEntry[rig.Main.Tracer.Capacity];
            int n = rig.Main.Tracer.CopyRecent(entries);
            int relayed = 0;
            for (int i = 0; i < n; i++)
                if (entries[i].Kind == EnvelopeKind.Send && entries[i].RelayViewId != 0) relayed++;
            Assert.That(relayed, Is.EqualTo(3), "two sends in from view a, one out to view b");
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
