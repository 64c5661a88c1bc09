#if UNITY_5_3_OR_NEWER
#nullable enable
using System;
using System.Collections.Generic;
using Unity.Profiling;
using UnityEngine;
using UnityEngine.LowLevel;
#if UNITY_EDITOR
using UnityEditor;
#endif

namespace FrameIpc
{
    /// <summary>
    /// Ticks registered engines from Unity's PlayerLoop, first in PreLateUpdate: after every Update, before every
    /// LateUpdate (so what Update sent leaves this frame). Registering twice is harmless. Leaving play mode or quitting
    /// drains the engines (what views sent is dispatched, what the game sent leaves), takes the system out of the loop
    /// and forgets them; a session started without a domain reload replaces whatever stale system the last one left.
    /// .dotnet/UnityFidelity runs this file against the Unity stubs' PlayerLoop.
    /// </summary>
    public static class FrameIpcPlayerLoop
    {
        /// <summary>The system's marker type: its name in the Profiler and in PlayerLoop dumps.</summary>
        internal struct FrameIpcTick { }

        /// <summary>Around every tick a Unity driver runs, so ticks show in the CPU Profiler as <c>FrameIpc.Tick</c>.</summary>
        internal static readonly ProfilerMarker TickMarker = new ProfilerMarker("FrameIpc.Tick");

        private static readonly IpcTickDriver s_driver = CreateDriver();
        private static bool s_installed;

        /// <summary>The engines ticked, in registration order.</summary>
        public static IReadOnlyList<IpcMain> Mains => s_driver.Mains;

        /// <summary>True while FrameIPC's system is in the PlayerLoop (as far as FrameIPC put it there).</summary>
        public static bool IsInstalled => s_installed;

        /// <summary>
        /// Ticks <paramref name="main"/> every frame from now on (inserting the system on first use) and lists it in the
        /// IPC Monitor under <paramref name="name"/> (default "IpcMain (PlayerLoop)"). Call on the main thread.
        /// </summary>
        public static void Register(IpcMain main, string name = "IpcMain (PlayerLoop)")
        {
            s_driver.Register(main);
            IpcMonitorRegistry.Add(main, name);
            if (s_installed) return;
            PlayerLoop.SetPlayerLoop(Insert(PlayerLoop.GetCurrentPlayerLoop(), typeof(UnityEngine.PlayerLoop.PreLateUpdate), Tick));
            s_installed = true;
        }

        /// <summary>Stops ticking <paramref name="main"/> and takes it off the IPC Monitor's list (the system stays: an empty loop a frame).</summary>
        public static bool Unregister(IpcMain main)
        {
            IpcMonitorRegistry.Remove(main);
            return s_driver.Unregister(main);
        }

        /// <summary>
        /// Returns <paramref name="root"/> with one FrameIPC system calling <paramref name="update"/> first in the phase of
        /// type <paramref name="phase"/>, after taking out every copy already there (an earlier session's). The given tree
        /// is left as it was. Throws <see cref="InvalidOperationException"/> when the loop has no such phase.
        /// </summary>
        internal static PlayerLoopSystem Insert(PlayerLoopSystem root, Type phase, PlayerLoopSystem.UpdateFunction update)
        {
            root = Remove(root, out _);
            var phases = root.subSystemList ?? Array.Empty<PlayerLoopSystem>();
            for (int i = 0; i < phases.Length; i++)
            {
                if (phases[i].type != phase) continue;
                var systems = phases[i].subSystemList ?? Array.Empty<PlayerLoopSystem>();
                var next = new PlayerLoopSystem[systems.Length + 1];
                next[0] = new PlayerLoopSystem { type = typeof(FrameIpcTick), updateDelegate = update };
                Array.Copy(systems, 0, next, 1, systems.Length);
                phases[i].subSystemList = next;
                return root;
            }
            throw new InvalidOperationException($"The player loop has no '{phase.FullName}' phase to insert '{typeof(FrameIpcTick).FullName}' into");
        }

        /// <summary>Returns <paramref name="root"/> without FrameIPC's systems (<paramref name="removed"/> counts them); the given tree is left as it was.</summary>
        internal static PlayerLoopSystem Remove(PlayerLoopSystem root, out int removed)
        {
            removed = 0;
            if (root.subSystemList == null) return root;
            var phases = (PlayerLoopSystem[])root.subSystemList.Clone();
            for (int i = 0; i < phases.Length; i++)
            {
                var systems = phases[i].subSystemList;
                if (systems == null) continue;
                var kept = new List<PlayerLoopSystem>(systems.Length);
                foreach (var system in systems)
                {
                    if (IsOurs(system.type)) removed++;
                    else kept.Add(system);
                }
                phases[i].subSystemList = kept.ToArray();
            }
            root.subSystemList = phases;
            return root;
        }

        // By name as well: after a domain reload the loop can still hold the marker of the unloaded assembly, another
        // Type object with the same name.
        internal static bool IsOurs(Type? type) =>
            type == typeof(FrameIpcTick) || (type != null && type.FullName == typeof(FrameIpcTick).FullName);

        /// <summary>
        /// Runs at the start of every play session, domain reload or not: forgets what the last session registered (the
        /// next <see cref="Register"/> replaces the stale system it may have left) and listens for the session's end.
        /// </summary>
        [RuntimeInitializeOnLoadMethod(RuntimeInitializeLoadType.SubsystemRegistration)]
        internal static void ResetSession()
        {
            Forget();
            s_installed = false;
            Application.quitting -= Leave;
            Application.quitting += Leave;
#if UNITY_EDITOR
            EditorApplication.playModeStateChanged -= OnPlayModeStateChanged;
            EditorApplication.playModeStateChanged += OnPlayModeStateChanged;
#endif
        }

#if UNITY_EDITOR
        private static void OnPlayModeStateChanged(PlayModeStateChange change)
        {
            if (change == PlayModeStateChange.ExitingPlayMode) Leave();
        }
#endif

        /// <summary>The session ends: drain the engines, take the system out of the loop, forget the engines.</summary>
        internal static void Leave()
        {
            if (s_driver.Mains.Count > 0) s_driver.Drain();
            var loop = Remove(PlayerLoop.GetCurrentPlayerLoop(), out int removed);
            if (removed > 0) PlayerLoop.SetPlayerLoop(loop);
            s_installed = false;
            Forget();
        }

        private static void Forget()
        {
            var mains = s_driver.Mains;
            for (int i = mains.Count - 1; i >= 0; i--) IpcMonitorRegistry.Remove(mains[i]);
            s_driver.Clear();
        }

        private static void Tick()
        {
            TickMarker.Begin();
            try { s_driver.Tick(); }
            finally { TickMarker.End(); }
        }

        private static IpcTickDriver CreateDriver()
        {
            var driver = new IpcTickDriver();
            driver.Error += (main, ex) => Debug.LogException(ex);
            return driver;
        }
    }
}
#endif
