#if UNITY_5_3_OR_NEWER
#nullable enable
using System;
using UnityEngine;

namespace FrameIpc
{
    /// <summary>
    /// A component that owns an <see cref="IpcMain"/> and ticks it in LateUpdate, early (execution order -10000: after
    /// every Update, before other LateUpdates): the alternative to <see cref="FrameIpcPlayerLoop"/> for those who
    /// prefer a component. Destroying it drains and disposes the engine. Put one in your first scene.
    /// </summary>
    [DefaultExecutionOrder(-10000)]
    [DisallowMultipleComponent]
    [AddComponentMenu("FrameIPC/IPC Main")]
    public sealed class IpcMainBehaviour : MonoBehaviour
    {
        [SerializeField, Tooltip("Envelopes dispatched per tick at most (IpcOptions.MaxMessagesPerTick). Default 10000.")]
        private int maxMessagesPerTick = 10000;

        [SerializeField, Tooltip("Milliseconds a tick may spend dispatching (IpcOptions.TickTimeBudget). Default 8.")]
        private float tickTimeBudgetMs = 8;

        [SerializeField, Tooltip("Warm the messaging machinery up in Awake, so the first message's tick does not pay for it (IpcOptions.WarmUp; once per process). Default on.")]
        private bool warmUp = true;

        [SerializeField, Tooltip("Keep this object (and its engine) across scene loads. Default off.")]
        private bool dontDestroyOnLoad = false;

        private readonly IpcTickDriver _driver = new IpcTickDriver();

        /// <summary>The engine, created in Awake: attach views to it and register listeners and handlers.</summary>
        public IpcMain Main { get; private set; } = null!;

        private void Awake()
        {
            Main = new IpcMain(new IpcOptions
            {
                MaxMessagesPerTick = Math.Max(1, maxMessagesPerTick),
                TickTimeBudget = TimeSpan.FromMilliseconds(Math.Max(0.1f, tickTimeBudgetMs)),
                WarmUp = warmUp,
            });
            _driver.Register(Main);
            _driver.Error += (main, ex) => Debug.LogException(ex, this);
            IpcMonitorRegistry.Add(Main, "IpcMain (" + name + ")");
            if (dontDestroyOnLoad) DontDestroyOnLoad(gameObject);
        }

        private void LateUpdate()
        {
            FrameIpcPlayerLoop.TickMarker.Begin();
            try { _driver.Tick(); }
            finally { FrameIpcPlayerLoop.TickMarker.End(); }
        }

        private void OnDestroy()
        {
            if (Main == null) return;
            _driver.Drain();
            _driver.Clear();
            IpcMonitorRegistry.Remove(Main);
            Main.Dispose();
        }
    }
}
#endif
