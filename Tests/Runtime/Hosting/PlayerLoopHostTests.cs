using System.Collections.Generic;
using NUnit.Framework;

namespace FrameIpc.Tests.Hosting
{
    public class PlayerLoopHostTests
    {
        [Test]
        public void RegisterInstallsOnceAndEveryFrameTicksEachEngine()
        {
            using var a = new IpcRig();
            using var b = new IpcRig();
            var loop = new FakeLoop();
            var host = loop.CreateHost();
            host.Register(a.Main);
            host.Register(b.Main);
            host.Register(a.Main);
            loop.RunFrame();
            loop.RunFrame();
            Assert.That(loop.Count(typeof(FakeLoop.Tick)), Is.EqualTo(1));
            Assert.That(loop.Sets, Is.EqualTo(1), "the loop is set once, on the first registration");
            Assert.That(a.Main.TickCount, Is.EqualTo(2));
            Assert.That(b.Main.TickCount, Is.EqualTo(2));
            Assert.That(host.Mains, Is.EqualTo(new[] { a.Main, b.Main }));
        }

        [Test]
        public void AnUnregisteredEngineIsNoLongerTicked()
        {
            using var rig = new IpcRig();
            var loop = new FakeLoop();
            var host = loop.CreateHost();
            host.Register(rig.Main);
            loop.RunFrame();
            Assert.That(host.Unregister(rig.Main), Is.True);
            loop.RunFrame();
            Assert.That(rig.Main.TickCount, Is.EqualTo(1));
        }

        [Test]
        public void LeavingPlayModeDrainsThenUninstallsAndForgetsTheEngines()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            var loop = new FakeLoop();
            var host = loop.CreateHost();
            host.Register(rig.Main);
            var got = new List<int>();
            rig.Main.On<int>("score", (e, n) => got.Add(n));
            int farewell = 0;
            view.On("bye", e => farewell++);
            view.Send("score", 7);
            view.Tick();
            contents.Send("bye");

            int ticks = host.OnPlayModeChanged(IpcPlayModeChange.ExitingPlayMode);

            Assert.That(ticks, Is.GreaterThanOrEqualTo(1));
            Assert.That(got, Is.EqualTo(new[] { 7 }), "what the view sent before play mode ended was dispatched");
            view.Tick();
            Assert.That(farewell, Is.EqualTo(1), "what the game sent before play mode ended went out");
            Assert.That(loop.Count(typeof(FakeLoop.Tick)), Is.EqualTo(0));
            Assert.That(host.IsInstalled, Is.False);
            Assert.That(host.Mains, Is.Empty);
            long before = rig.Main.TickCount;
            loop.RunFrame();
            Assert.That(rig.Main.TickCount, Is.EqualTo(before), "nothing of the play session ticks in edit mode");
        }

        [Test]
        public void OtherPlayModeChangesLeaveEverythingInPlace()
        {
            using var rig = new IpcRig();
            var loop = new FakeLoop();
            var host = loop.CreateHost();
            host.Register(rig.Main);
            Assert.That(host.OnPlayModeChanged(IpcPlayModeChange.EnteredPlayMode), Is.EqualTo(0));
            Assert.That(host.OnPlayModeChanged(IpcPlayModeChange.ExitingEditMode), Is.EqualTo(0));
            Assert.That(host.OnPlayModeChanged(IpcPlayModeChange.EnteredEditMode), Is.EqualTo(0));
            Assert.That(host.IsInstalled, Is.True);
            Assert.That(host.Mains.Count, Is.EqualTo(1));
        }

        [Test]
        public void ASessionWithoutDomainReloadStartsCleanOverTheStaleSystem()
        {
            using var old = new IpcRig();
            using var fresh = new IpcRig();
            var loop = new FakeLoop();
            var host = loop.CreateHost();
            host.Register(old.Main);
            // Play mode ended without the exit event reaching us (a crash, a script error): the loop keeps our system
            // and, with domain reload disabled, the static host survives into the next session.
            host.ResetSession();
            Assert.That(host.Mains, Is.Empty);
            Assert.That(host.IsInstalled, Is.False);
            Assert.That(loop.Count(typeof(FakeLoop.Tick)), Is.EqualTo(1));

            host.Register(fresh.Main);
            loop.RunFrame();
            Assert.That(loop.Count(typeof(FakeLoop.Tick)), Is.EqualTo(1));
            Assert.That(fresh.Main.TickCount, Is.EqualTo(1));
            Assert.That(old.Main.TickCount, Is.EqualTo(0));
        }

        [Test]
        public void UninstallWhenNothingIsInstalledLeavesTheLoopAlone()
        {
            var loop = new FakeLoop();
            var host = loop.CreateHost();
            host.Uninstall();
            Assert.That(loop.Sets, Is.EqualTo(0));
        }
    }
}
