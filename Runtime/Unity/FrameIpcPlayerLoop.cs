#if UNITY_5_3_OR_NEWER
#nullable enable
using System.Collections.Generic;
using UnityEngine;
using UnityEngine.LowLevel;
#if UNITY_EDITOR
using UnityEditor;
#endif

namespace FrameIpc
{
    /// <summary>
    /// Ticks registered engines from Unity's PlayerLoop, at the start of PreLateUpdate: after every Update, before
    /// every LateUpdate (so what Update sent leaves this frame). Safe to register twice; copes with disabled domain
    /// reload; drains and removes itself on leaving play mode and on quit. Every decision is in
    /// <see cref="PlayerLoopHost{TSystem}"/>, which the .NET tests exercise; this file only connects it to Unity.
    /// </summary>
    public static class FrameIpcPlayerLoop
    {
        private static PlayerLoopHost<PlayerLoopSystem>? s_host;

        /// <summary>The PlayerLoop system's marker type (its name in the Profiler and in PlayerLoop dumps).</summary>
        public struct FrameIpcTick { }

        /// <summary>The engines ticked.</summary>
        public static IReadOnlyList<IpcMain> Mains => Host.Mains;

        /// <summary>True while FrameIPC's system is in the PlayerLoop.</summary>
        public static bool IsInstalled => s_host != null && s_host.IsInstalled;

        private static PlayerLoopHost<PlayerLoopSystem> Host => s_host ?? (s_host = CreateHost());

        /// <summary>
        /// Ticks <paramref name="main"/> every frame from now on (installing the system on first use) and lists it in the
        /// IPC Monitor under <paramref name="name"/> (default "IpcMain (PlayerLoop)"). Call on the main thread.
        /// </summary>
        public static void Register(IpcMain main, string name = "IpcMain (PlayerLoop)")
        {
            Host.Register(main);
            IpcMonitorRegistry.Add(main, name);
        }

        /// <summary>Stops ticking <paramref name="main"/> and takes it off the IPC Monitor's list.</summary>
        public static bool Unregister(IpcMain main)
        {
            IpcMonitorRegistry.Remove(main);
            return s_host != null && s_host.Unregister(main);
        }

        // Runs at the start of every play session, with or without a domain reload: statics of the last one may survive.
        [RuntimeInitializeOnLoadMethod(RuntimeInitializeLoadType.SubsystemRegistration)]
        private static void ResetStatics()
        {
            if (s_host != null)
            {
                Forget(s_host.Mains);
                s_host.ResetSession();
            }
            Application.quitting -= OnQuitting;
            Application.quitting += OnQuitting;
#if UNITY_EDITOR
            EditorApplication.playModeStateChanged -= OnPlayModeStateChanged;
            EditorApplication.playModeStateChanged += OnPlayModeStateChanged;
#endif
        }

        private static PlayerLoopHost<PlayerLoopSystem> CreateHost()
        {
            var host = new PlayerLoopHost<PlayerLoopSystem>(PlayerLoop.GetCurrentPlayerLoop, PlayerLoop.SetPlayerLoop,
                UnityPlayerLoopShape.Instance, typeof(UnityEngine.PlayerLoop.PreLateUpdate), typeof(FrameIpcTick), Tick);
            host.Driver.Error += (main, ex) => Debug.LogException(ex);
            return host;
        }

        private static void Tick()
        {
            var host = s_host;
            if (host == null) return;
            FrameIpcProfiling.Tick.Begin();
            try { host.Tick(); }
            finally { FrameIpcProfiling.Tick.End(); }
        }

        private static void OnQuitting() => Leave();

#if UNITY_EDITOR
        private static void OnPlayModeStateChanged(PlayModeStateChange change)
        {
            if (change == PlayModeStateChange.ExitingPlayMode) Leave();
        }
#endif

        private static void Leave()
        {
            var host = s_host;
            if (host == null) return;
            var mains = new List<IpcMain>(host.Mains);
            host.OnPlayModeChanged(IpcPlayModeChange.ExitingPlayMode);
            Forget(mains);
        }

        private static void Forget(IReadOnlyList<IpcMain> mains)
        {
            for (int i = mains.Count - 1; i >= 0; i--) IpcMonitorRegistry.Remove(mains[i]);
        }
    }
}
#endif
