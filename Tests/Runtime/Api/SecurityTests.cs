using System.Collections.Generic;
using NUnit.Framework;

namespace FrameIpc.Tests.Api
{
    public class SecurityTests
    {
        [Test]
        public void AChannelOutsideTheViewsAllowlistIsRefusedBeforeAnyListenerOrHandlerRuns()
        {
            using var rig = new IpcRig();
            var (engineEnd, viewEnd) = InMemoryTransport.CreatePair();
            var store = rig.Main.Attach(engineEnd, "http://store.local", IpcChannelFilter.Only("shop:*", "hud:health"));
            var view = new IpcRenderer(viewEnd);
            view.Connect();
            int listened = 0, handled = 0, allowed = 0;
            rig.Main.On("save:delete", e => listened++);
            rig.Main.Handle("save:wipe", e => ++handled);
            rig.Main.On("shop:browse", e => allowed++);
            rig.Main.On("hud:health", e => allowed++);

            view.Send("save:delete", 1);
            var wipe = view.InvokeAsync<int>("save:wipe").AsTask();
            view.Send("shop:browse");
            view.Send("hud:health");
            var deadline = System.DateTime.UtcNow.AddSeconds(30);
            while (!(wipe.IsCompleted && allowed == 2) && System.DateTime.UtcNow < deadline) { view.Tick(); rig.Main.Tick(); view.Tick(); }

            Assert.That(listened, Is.EqualTo(0));
            Assert.That(handled, Is.EqualTo(0));
            Assert.That(allowed, Is.EqualTo(2));
            var ex = Assert.Throws<IpcException>(() => wipe.GetAwaiter().GetResult());
            Assert.That(ex.Name, Is.EqualTo(IpcErrorNames.Forbidden));
            Assert.That(ex.RemoteMessage, Is.EqualTo($"View {store.Id} may not use channel 'save:wipe'"));
            Assert.That(rig.Diagnostics.FindAll(d => d.Kind == IpcDiagnosticKind.Forbidden).Count, Is.EqualTo(2));
            view.Dispose();
        }

        [Test]
        public void AnOriginOutsideTheAllowlistIsRefusedAtAttach()
        {
            var options = new IpcOptions { AllowedOrigins = new List<string> { "http://127.0.0.1:8080" } };
            using var rig = new IpcRig(options);
            var (engineEnd, viewEnd) = InMemoryTransport.CreatePair();
            var ex = Assert.Throws<IpcException>(() => rig.Main.Attach(engineEnd, "http://evil.example"));
            Assert.That(ex.Name, Is.EqualTo(IpcErrorNames.Forbidden));
            Assert.That(ex.Message, Is.EqualTo("Origin 'http://evil.example' is not allowed to attach"));
            Assert.That(rig.Main.Views.Count, Is.EqualTo(0));
            Assert.Throws<IpcException>(() => viewEnd.Send(System.MemoryExtensions.AsSpan("{}")), "the refused view's transport was closed");

            var (okEngine, _) = InMemoryTransport.CreatePair();
            Assert.That(rig.Main.Attach(okEngine, "http://127.0.0.1:8080").Origin, Is.EqualTo("http://127.0.0.1:8080"));
        }

        [Test]
        public void ProtocolKindsNeverReachUserListenersEvenOnChannelsNamedLikeThem()
        {
            using var rig = new IpcRig();
            var received = new List<string>();
            foreach (var name in new[] { "hello", "ready", "result", "cancel", "batch", "error" })
                rig.Main.On(name, e => received.Add(e.Channel));
            var (_, view) = rig.AddView();
            view.Handle("x", e => 1);
            rig.Await(rig.Main.Views[0].InvokeAsync<int>("x"));
            Assert.That(received, Is.Empty, "handshake, results and batches are not channel messages");
            view.Send("hello");
            rig.Pump(() => received.Count == 1);
            Assert.That(received[0], Is.EqualTo("hello"), "a user channel called 'hello' is just a channel");
        }
    }
}
