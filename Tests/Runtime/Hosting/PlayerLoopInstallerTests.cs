using System;
using System.Reflection;
using System.Reflection.Emit;
using NUnit.Framework;

namespace FrameIpc.Tests.Hosting
{
    public class PlayerLoopInstallerTests
    {
        private static readonly Action Nothing = () => { };

        [Test]
        public void InstallPutsTheSystemFirstInTheParentPhase()
        {
            var loop = new FakeLoop();
            loop.Set(PlayerLoopInstaller.Install(loop.Get(), typeof(FakeLoop.PreLateUpdate), typeof(FakeLoop.Tick), Nothing, FakeShape.Instance));
            Assert.That(loop.Names(), Is.EqualTo(new[]
            {
                "FakeLoop", "Initialization", "Update", "ScriptRunBehaviourUpdate",
                "PreLateUpdate", "Tick", "ScriptRunBehaviourLateUpdate", "PostLateUpdate",
            }));
        }

        [Test]
        public void InstallingTwiceLeavesExactlyOne()
        {
            var loop = new FakeLoop();
            for (int i = 0; i < 2; i++)
                loop.Set(PlayerLoopInstaller.Install(loop.Get(), typeof(FakeLoop.PreLateUpdate), typeof(FakeLoop.Tick), Nothing, FakeShape.Instance));
            Assert.That(loop.Count(typeof(FakeLoop.Tick)), Is.EqualTo(1));
        }

        [Test]
        public void InstallReplacesAStaleCopyWhereverItIs()
        {
            var loop = new FakeLoop();
            int staleRuns = 0, freshRuns = 0;
            // A copy an earlier session left in another phase (say, an older version of the package installed it there).
            loop.Set(PlayerLoopInstaller.Install(loop.Get(), typeof(FakeLoop.Update), typeof(FakeLoop.Tick), () => staleRuns++, FakeShape.Instance));
            loop.Set(PlayerLoopInstaller.Install(loop.Get(), typeof(FakeLoop.PreLateUpdate), typeof(FakeLoop.Tick), () => freshRuns++, FakeShape.Instance));
            loop.RunFrame();
            Assert.That(loop.Count(typeof(FakeLoop.Tick)), Is.EqualTo(1));
            Assert.That(staleRuns, Is.EqualTo(0));
            Assert.That(freshRuns, Is.EqualTo(1));
        }

        [Test]
        public void InstallReplacesTheMarkerOfAnUnloadedDomainByName()
        {
            // After a domain reload the loop can hold a marker type from the old assembly: another Type object with
            // the same full name. Model it with a type of that name from a dynamic assembly.
            Type stale;
            try { stale = StaleTwinOf(typeof(FakeLoop.Tick)); }
            catch (NotSupportedException) { Assert.Ignore("no Reflection.Emit on this player (IL2CPP): the Editor runs this test"); return; }
            Assert.That(stale, Is.Not.EqualTo(typeof(FakeLoop.Tick)));
            Assert.That(stale.FullName, Is.EqualTo(typeof(FakeLoop.Tick).FullName));
            var loop = new FakeLoop();
            int staleRuns = 0;
            loop.Set(PlayerLoopInstaller.Install(loop.Get(), typeof(FakeLoop.PreLateUpdate), stale, () => staleRuns++, FakeShape.Instance));
            loop.Set(PlayerLoopInstaller.Install(loop.Get(), typeof(FakeLoop.PreLateUpdate), typeof(FakeLoop.Tick), Nothing, FakeShape.Instance));
            loop.RunFrame();
            Assert.That(loop.Count(typeof(FakeLoop.Tick)), Is.EqualTo(1));
            Assert.That(staleRuns, Is.EqualTo(0));
        }

        [Test]
        public void InstallDoesNotChangeTheTreeItWasGiven()
        {
            var loop = new FakeLoop();
            var before = loop.Get();
            PlayerLoopInstaller.Install(before, typeof(FakeLoop.PreLateUpdate), typeof(FakeLoop.Tick), Nothing, FakeShape.Instance);
            Assert.That(PlayerLoopInstaller.Count(before, typeof(FakeLoop.Tick), FakeShape.Instance), Is.EqualTo(0));
            Assert.That(loop.Names().Count, Is.EqualTo(7));
        }

        [Test]
        public void InstallWithoutTheParentPhaseThrowsAClearError()
        {
            var loop = new FakeLoop();
            var ex = Assert.Throws<InvalidOperationException>(() =>
                PlayerLoopInstaller.Install(loop.Get(), typeof(string), typeof(FakeLoop.Tick), Nothing, FakeShape.Instance));
            Assert.That(ex.Message, Does.Contain("no 'System.String' phase"));
        }

        [Test]
        public void RemoveTakesOutEveryCopyAndLeavesTheRestInOrder()
        {
            var loop = new FakeLoop();
            var marked = FakeShape.Instance.Create(typeof(FakeLoop.Tick), Nothing);
            // Two copies, as a loop edited by hand (or by two packages) could hold.
            var root = loop.Get();
            root.Children[1].Children = new[] { marked, root.Children[1].Children[0] };
            root.Children[3].Children = new[] { marked };
            loop.Set(root);
            loop.Set(PlayerLoopInstaller.Remove(loop.Get(), typeof(FakeLoop.Tick), FakeShape.Instance, out int removed));
            Assert.That(removed, Is.EqualTo(2));
            Assert.That(loop.Names(), Is.EqualTo(new[]
            {
                "FakeLoop", "Initialization", "Update", "ScriptRunBehaviourUpdate",
                "PreLateUpdate", "ScriptRunBehaviourLateUpdate", "PostLateUpdate",
            }));
        }

        private static Type StaleTwinOf(Type nested)
        {
            var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("StaleDomain"), AssemblyBuilderAccess.Run);
            var module = assembly.DefineDynamicModule("StaleDomain");
            var outer = module.DefineType(nested.DeclaringType.FullName, TypeAttributes.Public | TypeAttributes.Class);
            var inner = outer.DefineNestedType(nested.Name, TypeAttributes.NestedPublic | TypeAttributes.Sealed, typeof(ValueType));
            outer.CreateType();
            return inner.CreateType();
        }

        [Test]
        public void RemoveFromALoopWithoutTheSystemRemovesNothing()
        {
            var loop = new FakeLoop();
            PlayerLoopInstaller.Remove(loop.Get(), typeof(FakeLoop.Tick), FakeShape.Instance, out int removed);
            Assert.That(removed, Is.EqualTo(0));
        }
    }
}
