#if UNITY_EDITOR
#nullable enable
using System;
using System.Collections.Generic;
using Unity.Profiling;
using UnityEditor;
using UnityEngine;

namespace FrameIpc.Editor
{
    /// <summary>
    /// Ticks registered engines on <see cref="EditorApplication.update"/>, in edit and in play mode: the driver for
    /// editor tool panels. Before an assembly reload it drains them, raises <see cref="BeforeReload"/> (dispose your
    /// servers there) and forgets them. The ticking is IpcTickDriver's; .dotnet/UnityFidelity runs this file against the Unity stubs.
    /// </summary>
    [InitializeOnLoad]
    public static class FrameIpcEditorTick
    {
        private static readonly IpcTickDriver s_driver = new IpcTickDriver();

        // The same name as the PlayerLoop driver's marker: the Profiler shows both as one FrameIpc.Tick.
        private static readonly ProfilerMarker s_tickMarker = new ProfilerMarker("FrameIpc.Tick");

        static FrameIpcEditorTick()
        {
            s_driver.Error += (main, ex) => Debug.LogException(ex);
            EditorApplication.update -= Tick;
            EditorApplication.update += Tick;
            AssemblyReloadEvents.beforeAssemblyReload -= OnBeforeAssemblyReload;
            AssemblyReloadEvents.beforeAssemblyReload += OnBeforeAssemblyReload;
        }

        /// <summary>Raised before an assembly reload, after the last drain: dispose what the reload would orphan.</summary>
        public static event Action? BeforeReload;

        /// <summary>The engines ticked.</summary>
        public static IReadOnlyList<IpcMain> Mains => s_driver.Mains;

        /// <summary>Ticks <paramref name="main"/> on every Editor update and lists it in the IPC Monitor under <paramref name="name"/>.</summary>
        public static void Register(IpcMain main, string name = "IpcMain (Editor)")
        {
            s_driver.Register(main);
            IpcMonitorRegistry.Add(main, name);
        }

        /// <summary>Stops ticking <paramref name="main"/> and takes it off the IPC Monitor's list.</summary>
        public static bool Unregister(IpcMain main)
        {
            IpcMonitorRegistry.Remove(main);
            return s_driver.Unregister(main);
        }

        private static void Tick()
        {
            s_tickMarker.Begin();
            try { s_driver.Tick(); }
            finally { s_tickMarker.End(); }
        }

        private static void OnBeforeAssemblyReload()
        {
            var mains = new List<IpcMain>(s_driver.Mains);
            if (mains.Count > 0) s_driver.Drain();
            try { BeforeReload?.Invoke(); }
            catch (Exception ex) { Debug.LogException(ex); }
            foreach (var main in mains) IpcMonitorRegistry.Remove(main);
            s_driver.Clear();
        }
    }
}
#endif
