using System;
using System.Collections.Generic;
using FrameIpc.Samples.HudOverlay;
using NUnit.Framework;

namespace FrameIpc.DemoTests
{
    /// <summary>The HUD Overlay's game side without a browser: a C# view over the in-memory transport.</summary>
    public sealed class HudControllerTests
    {
        [Test]
        public void AConnectingPageIsGreetedAndReloadAnswersAndNotifies()
        {
            using var main = new IpcMain();
            using var hud = new HudController(main);
            var (engineEnd, viewEnd) = InMemoryTransport.CreatePair();
            main.Attach(engineEnd);
            using var view = new IpcRenderer(viewEnd);
            var seen = new List<string>();
            view.On(HudChannels.Notify, (e, text) => seen.Add(text));
            view.On(HudChannels.Ammo, (e, n) => seen.Add("ammo " + n));
            view.Connect();
            Pump(main, view, () => view.IsReady && seen.Count >= 2);
            Assert.That(seen, Does.Contain("Connected to the engine as view 1"));
            Assert.That(seen, Does.Contain("ammo 30"));

            var reply = view.InvokeAsync(HudChannels.Reload).AsTask();
            Pump(main, view, () => reply.IsCompleted);
            Assert.That(reply.Result, Does.StartWith("Engine: reloaded to 30 rounds (reload #1"));
            Assert.That(hud.Reloads, Is.EqualTo(1));
            Pump(main, view, () => seen.Contains("Reloaded: 30 rounds"));
        }

        [Test]
        public void HudConfigCrossesThroughItsGeneratedCodec()
        {
            // The demo compiles the sample with the package's shipped generator, as Unity 6 does: the config a connecting
            // page gets builds no Newtonsoft contract in the tick the page connects in (that was 150-240 ms of it).
            var providers = typeof(HudConfig).Assembly.GetCustomAttributes(typeof(IpcCodecProviderAttribute), false);
            Assert.That(Array.ConvertAll(providers, p => ((IpcCodecProviderAttribute)p).MessageType), Has.Member(typeof(HudConfig)));

            using var main = new IpcMain();
            using var hud = new HudController(main);
            var (engineEnd, viewEnd) = InMemoryTransport.CreatePair();
            main.Attach(engineEnd);
            using var view = new IpcRenderer(viewEnd);
            HudConfig config = null;
            view.On(HudChannels.Config, (e, c) => config = c);
            view.Connect();
            Pump(main, view, () => config != null);
            Assert.That(config?.MaxHealth, Is.EqualTo(HudController.MaxHealth));
            Assert.That(config?.MaxAmmo, Is.EqualTo(HudController.MaxAmmo));
        }

        [Test]
        public void FramesGoOnWhenThePageIsGone()
        {
            using var main = new IpcMain();
            using var hud = new HudController(main);
            var (engineEnd, viewEnd) = InMemoryTransport.CreatePair();
            var contents = main.Attach(engineEnd);
            var view = new IpcRenderer(viewEnd);
            view.Connect();
            Pump(main, view, () => view.IsReady && contents.IsReady);
            view.Dispose();
            for (int i = 0; i < 600; i++)
            {
                Assert.DoesNotThrow(() => hud.Update(1 / 60.0));
                main.Tick();
            }
            Assert.That(contents.IsDestroyed, Is.True);
            Assert.That(hud.Ammo, Is.LessThan(HudController.MaxAmmo), "the game went on");
        }

        private static void Pump(IpcMain main, IpcRenderer view, Func<bool> until)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!until() && DateTime.UtcNow < deadline)
            {
                view.Tick();
                main.Tick();
                view.Tick();
            }
            Assert.That(until(), Is.True, "within 30 s");
        }
    }
}
