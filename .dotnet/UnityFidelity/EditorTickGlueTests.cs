using FrameIpc.Editor;
using FrameIpc.Tests;
using NUnit.Framework;
using UnityEditor;

namespace FrameIpc.UnityFidelity
{
    /// <summary>The Editor driver (Editor/FrameIpcEditorTick.cs, built against the Unity stubs) run against the stubs' EditorApplication.</summary>
    public class EditorTickGlueTests
    {
        [Test]
        public void EveryEditorUpdateTicksTheRegisteredEngines()
        {
            using var main = new IpcMain();
            FrameIpcEditorTick.Register(main);
            EditorApplication.update();
            EditorApplication.update();
            Assert.That(main.TickCount, Is.EqualTo(2));
            Assert.That(FrameIpcEditorTick.Unregister(main), Is.True);
            EditorApplication.update();
            Assert.That(main.TickCount, Is.EqualTo(2));
        }

        [Test]
        public void AnAssemblyReloadDrainsRaisesBeforeReloadAndForgetsTheEngines()
        {
            using var rig = IpcHarness.Connected();
            FrameIpcEditorTick.Register(rig.Main, "panel");
            int got = 0, reloads = 0;
            rig.Main.On("n", e => got++);
            rig.View.Send("n", 1);
            rig.View.Tick();
            void OnReload() => reloads += got; // counts only what was dispatched before it ran
            FrameIpcEditorTick.BeforeReload += OnReload;
            try
            {
                AssemblyReloadEvents.Reload();
            }
            finally
            {
                FrameIpcEditorTick.BeforeReload -= OnReload;
            }
            Assert.That(got, Is.EqualTo(1), "what the view sent was dispatched before the reload");
            Assert.That(reloads, Is.EqualTo(1), "BeforeReload ran once, after the drain");
            Assert.That(FrameIpcEditorTick.Mains, Is.Empty);
            Assert.That(IpcMonitorRegistry.Remove(rig.Main), Is.False, "the IPC Monitor forgot the engine too");
        }
    }
}
