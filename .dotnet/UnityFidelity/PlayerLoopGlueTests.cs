using System;
using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Emit;
using FrameIpc.Tests;
using NUnit.Framework;
using UnityEditor;
using UnityEngine;
using UnityEngine.LowLevel;
using Phases = UnityEngine.PlayerLoop;

namespace FrameIpc.UnityFidelity
{
    /// <summary>
    /// The PlayerLoop glue (Runtime/Unity/FrameIpcPlayerLoop.cs, built with UNITY_5_3_OR_NEWER against the Unity stubs)
    /// run against the stubs' <see cref="PlayerLoopSystem"/> and <see cref="PlayerLoop"/>, which keeps the loop it is given.
    /// A frame is the loop walked as the engine walks it: depth first, each system's delegate in order.
    /// </summary>
    public class PlayerLoopGlueTests
    {
        private static readonly PlayerLoopSystem.UpdateFunction Nothing = () => { };

        [SetUp]
        [TearDown]
        public void FreshSession()
        {
            PlayerLoop.Reset();
            FrameIpcPlayerLoop.ResetSession();
        }

        [Test]
        public void RegisterInstallsOnceAndEveryFrameTicksEachEngine()
        {
            using var a = new IpcMain();
            using var b = new IpcMain();
            FrameIpcPlayerLoop.Register(a);
            FrameIpcPlayerLoop.Register(b);
            FrameIpcPlayerLoop.Register(a);
            RunFrame();
            RunFrame();
            Assert.That(Count(PlayerLoop.GetCurrentPlayerLoop()), Is.EqualTo(1));
            Assert.That(PlayerLoop.Sets, Is.EqualTo(1), "the loop is set once, on the first registration");
            Assert.That(a.TickCount, Is.EqualTo(2));
            Assert.That(b.TickCount, Is.EqualTo(2));
            Assert.That(FrameIpcPlayerLoop.Mains, Is.EqualTo(new[] { a, b }));
            Assert.That(IpcMonitorRegistry.Remove(a), Is.True, "registering lists the engine in the IPC Monitor");
        }

        [Test]
        public void AnUnregisteredEngineIsNoLongerTicked()
        {
            using var main = new IpcMain();
            FrameIpcPlayerLoop.Register(main);
            RunFrame();
            Assert.That(FrameIpcPlayerLoop.Unregister(main), Is.True);
            RunFrame();
            Assert.That(main.TickCount, Is.EqualTo(1));
        }

        [TestCase(false, TestName = "Leaving play mode drains, then uninstalls and forgets the engines")]
        [TestCase(true, TestName = "Quitting drains, then uninstalls and forgets the engines")]
        public void TheSessionsEndDrainsThenUninstallsAndForgetsTheEngines(bool quit)
        {
            using var rig = IpcHarness.Connected();
            var (contents, view) = (rig.Links[0].Contents, rig.View);
            FrameIpcPlayerLoop.Register(rig.Main);
            var got = new List<int>();
            rig.Main.On<int>("score", (e, n) => got.Add(n));
            int farewell = 0;
            view.On("bye", e => farewell++);
            view.Send("score", 7);
            view.Tick();
            contents.Send("bye");
            long ticksBefore = rig.Main.TickCount;

            if (quit) Application.Quit();
            else EditorApplication.ChangePlayMode(PlayModeStateChange.ExitingPlayMode);

            Assert.That(rig.Main.TickCount - ticksBefore, Is.GreaterThanOrEqualTo(1), "the engines were drained");
            Assert.That(got, Is.EqualTo(new[] { 7 }), "what the view sent before play mode ended was dispatched");
            view.Tick();
            Assert.That(farewell, Is.EqualTo(1), "what the game sent before play mode ended went out");
            Assert.That(Count(PlayerLoop.GetCurrentPlayerLoop()), Is.EqualTo(0));
            Assert.That(FrameIpcPlayerLoop.IsInstalled, Is.False);
            Assert.That(FrameIpcPlayerLoop.Mains, Is.Empty);
            Assert.That(IpcMonitorRegistry.Remove(rig.Main), Is.False, "the IPC Monitor forgot the engine too");
            long before = rig.Main.TickCount;
            RunFrame();
            Assert.That(rig.Main.TickCount, Is.EqualTo(before), "nothing of the play session ticks in edit mode");
        }

        [Test]
        public void OtherPlayModeChangesLeaveEverythingInPlace()
        {
            using var main = new IpcMain();
            FrameIpcPlayerLoop.Register(main);
            EditorApplication.ChangePlayMode(PlayModeStateChange.EnteredPlayMode);
            EditorApplication.ChangePlayMode(PlayModeStateChange.ExitingEditMode);
            EditorApplication.ChangePlayMode(PlayModeStateChange.EnteredEditMode);
            Assert.That(main.TickCount, Is.EqualTo(0), "nothing was drained");
            Assert.That(FrameIpcPlayerLoop.IsInstalled, Is.True);
            Assert.That(FrameIpcPlayerLoop.Mains.Count, Is.EqualTo(1));
        }

        [Test]
        public void ASessionWithoutDomainReloadStartsCleanOverTheStaleSystem()
        {
            using var old = new IpcMain();
            using var fresh = new IpcMain();
            FrameIpcPlayerLoop.Register(old);
            // Play mode ended without the exit event reaching us (a crash, a script error): the loop keeps our system
            // and, with domain reload disabled, the statics survive into the next session, which starts with this.
            FrameIpcPlayerLoop.ResetSession();
            Assert.That(FrameIpcPlayerLoop.Mains, Is.Empty);
            Assert.That(FrameIpcPlayerLoop.IsInstalled, Is.False);
            Assert.That(Count(PlayerLoop.GetCurrentPlayerLoop()), Is.EqualTo(1));

            FrameIpcPlayerLoop.Register(fresh);
            RunFrame();
            Assert.That(Count(PlayerLoop.GetCurrentPlayerLoop()), Is.EqualTo(1));
            Assert.That(fresh.TickCount, Is.EqualTo(1));
            Assert.That(old.TickCount, Is.EqualTo(0));
        }

        [Test]
        public void LeavingWhenNothingIsInstalledLeavesTheLoopAlone()
        {
            FrameIpcPlayerLoop.Leave();
            Assert.That(PlayerLoop.Sets, Is.EqualTo(0));
        }

        [Test]
        public void InsertPutsTheSystemFirstInThePhase()
        {
            var loop = FrameIpcPlayerLoop.Insert(PlayerLoop.GetDefaultPlayerLoop(), typeof(Phases.PreLateUpdate), Nothing);
            Assert.That(Names(loop), Is.EqualTo(new[]
            {
                "(root)", "Initialization", "Update", "ScriptRunBehaviourUpdate",
                "PreLateUpdate", "FrameIpcTick", "ScriptRunBehaviourLateUpdate", "PostLateUpdate",
            }));
        }

        [Test]
        public void InsertingTwiceLeavesExactlyOne()
        {
            var loop = PlayerLoop.GetDefaultPlayerLoop();
            for (int i = 0; i < 2; i++) loop = FrameIpcPlayerLoop.Insert(loop, typeof(Phases.PreLateUpdate), Nothing);
            Assert.That(Count(loop), Is.EqualTo(1));
        }

        [Test]
        public void InsertReplacesAStaleCopyWhereverItIs()
        {
            int staleRuns = 0, freshRuns = 0;
            // A copy an earlier session left in another phase (say, an older version of the package put it there).
            var loop = FrameIpcPlayerLoop.Insert(PlayerLoop.GetDefaultPlayerLoop(), typeof(Phases.Update), () => staleRuns++);
            loop = FrameIpcPlayerLoop.Insert(loop, typeof(Phases.PreLateUpdate), () => freshRuns++);
            Run(loop);
            Assert.That(Count(loop), Is.EqualTo(1));
            Assert.That(staleRuns, Is.EqualTo(0));
            Assert.That(freshRuns, Is.EqualTo(1));
        }

        [Test]
        public void InsertReplacesTheMarkerOfAnUnloadedDomainByName()
        {
            // After a domain reload the loop can hold a marker type from the old assembly: another Type object with
            // the same full name. Model it with a type of that name from a dynamic assembly.
            var marker = typeof(FrameIpcPlayerLoop.FrameIpcTick);
            var stale = StaleTwinOf(marker);
            Assert.That(stale, Is.Not.EqualTo(marker));
            Assert.That(stale.FullName, Is.EqualTo(marker.FullName));
            int staleRuns = 0;
            var loop = PlayerLoop.GetDefaultPlayerLoop();
            var phase = loop.subSystemList[2].subSystemList;
            loop.subSystemList[2].subSystemList = new[] { new PlayerLoopSystem { type = stale, updateDelegate = () => staleRuns++ }, phase[0] };
            loop = FrameIpcPlayerLoop.Insert(loop, typeof(Phases.PreLateUpdate), Nothing);
            Run(loop);
            Assert.That(Count(loop), Is.EqualTo(1));
            Assert.That(staleRuns, Is.EqualTo(0));
        }

        [Test]
        public void InsertDoesNotChangeTheTreeItWasGiven()
        {
            var before = PlayerLoop.GetCurrentPlayerLoop();
            FrameIpcPlayerLoop.Insert(before, typeof(Phases.PreLateUpdate), Nothing);
            Assert.That(Count(before), Is.EqualTo(0));
            Assert.That(Names(before).Count, Is.EqualTo(7));
        }

        [Test]
        public void InsertWithoutThePhaseThrowsAClearError()
        {
            var ex = Assert.Throws<InvalidOperationException>(() =>
                FrameIpcPlayerLoop.Insert(PlayerLoop.GetDefaultPlayerLoop(), typeof(string), Nothing));
            Assert.That(ex!.Message, Does.Contain("no 'System.String' phase"));
        }

        [Test]
        public void RemoveTakesOutEveryCopyAndLeavesTheRestInOrder()
        {
            var marked = new PlayerLoopSystem { type = typeof(FrameIpcPlayerLoop.FrameIpcTick), updateDelegate = Nothing };
            // Two copies, as a loop edited by hand (or by two packages) could hold.
            var root = PlayerLoop.GetDefaultPlayerLoop();
            root.subSystemList[1].subSystemList = new[] { marked, root.subSystemList[1].subSystemList[0] };
            root.subSystemList[3].subSystemList = new[] { marked };
            var loop = FrameIpcPlayerLoop.Remove(root, out int removed);
            Assert.That(removed, Is.EqualTo(2));
            Assert.That(Names(loop), Is.EqualTo(new[]
            {
                "(root)", "Initialization", "Update", "ScriptRunBehaviourUpdate",
                "PreLateUpdate", "ScriptRunBehaviourLateUpdate", "PostLateUpdate",
            }));
        }

        [Test]
        public void RemoveFromALoopWithoutTheSystemRemovesNothing()
        {
            FrameIpcPlayerLoop.Remove(PlayerLoop.GetDefaultPlayerLoop(), out int removed);
            Assert.That(removed, Is.EqualTo(0));
        }

        private static void RunFrame() => Run(PlayerLoop.GetCurrentPlayerLoop());

        private static void Run(PlayerLoopSystem node)
        {
            node.updateDelegate?.Invoke();
            if (node.subSystemList != null) foreach (var child in node.subSystemList) Run(child);
        }

        private static int Count(PlayerLoopSystem node)
        {
            int n = FrameIpcPlayerLoop.IsOurs(node.type) ? 1 : 0;
            if (node.subSystemList != null) foreach (var child in node.subSystemList) n += Count(child);
            return n;
        }

        /// <summary>The systems' type names depth first, for asserting where a system went.</summary>
        private static List<string> Names(PlayerLoopSystem root)
        {
            var names = new List<string>();
            void Collect(PlayerLoopSystem node)
            {
                names.Add(node.type?.Name ?? "(root)");
                if (node.subSystemList != null) foreach (var child in node.subSystemList) Collect(child);
            }
            Collect(root);
            return names;
        }

        private static Type StaleTwinOf(Type nested)
        {
            var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("StaleDomain"), AssemblyBuilderAccess.Run);
            var module = assembly.DefineDynamicModule("StaleDomain");
            var outer = module.DefineType(nested.DeclaringType!.FullName!, TypeAttributes.Public | TypeAttributes.Class);
            var inner = outer.DefineNestedType(nested.Name, TypeAttributes.NestedPublic | TypeAttributes.Sealed, typeof(ValueType));
            outer.CreateType();
            return inner.CreateType()!;
        }
    }
}
