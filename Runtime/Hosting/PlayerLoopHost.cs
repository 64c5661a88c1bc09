using System;
using System.Collections.Generic;

namespace FrameIpc
{
    /// <summary>
    /// Everything the Unity PlayerLoop driver decides, without Unity: it reads the current loop, installs one FrameIPC
    /// system (once, whatever the number of calls), ticks the registered engines from it, and on leaving play mode
    /// drains them, takes the system out and forgets them. <see cref="ResetSession"/> is for the start of a play session
    /// with domain reload disabled, when static state survives from the last one.
    /// </summary>
    /// <typeparam name="TSystem">A player-loop node (Unity: <c>PlayerLoopSystem</c>).</typeparam>
    public sealed class PlayerLoopHost<TSystem>
    {
        private readonly Func<TSystem> _getLoop;
        private readonly Action<TSystem> _setLoop;
        private readonly IPlayerLoopShape<TSystem> _shape;
        private readonly Type _parent;
        private readonly Type _marker;
        private readonly Action _update;

        /// <summary>
        /// Creates a host that inserts a system marked <paramref name="marker"/> at the start of the <paramref name="parent"/>
        /// phase of the loop that <paramref name="getLoop"/> returns and <paramref name="setLoop"/> applies.
        /// <paramref name="update"/> is what the system calls each frame; by default (null) it is <see cref="Tick"/>
        /// (the Unity driver passes one that adds a profiler marker around it).
        /// </summary>
        public PlayerLoopHost(Func<TSystem> getLoop, Action<TSystem> setLoop, IPlayerLoopShape<TSystem> shape, Type parent, Type marker, Action? update = null)
        {
            _getLoop = getLoop ?? throw new ArgumentNullException(nameof(getLoop));
            _setLoop = setLoop ?? throw new ArgumentNullException(nameof(setLoop));
            _shape = shape ?? throw new ArgumentNullException(nameof(shape));
            _parent = parent ?? throw new ArgumentNullException(nameof(parent));
            _marker = marker ?? throw new ArgumentNullException(nameof(marker));
            _update = update ?? Tick;
        }

        /// <summary>The engines the system ticks.</summary>
        public IpcTickDriver Driver { get; } = new IpcTickDriver();

        /// <summary>True while this host's system is in the loop (as far as this host knows).</summary>
        public bool IsInstalled { get; private set; }

        /// <summary>The registered engines.</summary>
        public IReadOnlyList<IpcMain> Mains => Driver.Mains;

        /// <summary>Registers <paramref name="main"/> and installs the system if it is not in the loop yet.</summary>
        public void Register(IpcMain main)
        {
            Driver.Register(main);
            EnsureInstalled();
        }

        /// <summary>Stops ticking <paramref name="main"/> (the system stays; it costs one empty loop per frame).</summary>
        public bool Unregister(IpcMain main) => Driver.Unregister(main);

        /// <summary>Puts the system into the loop unless it is there; any stale copy left by an earlier session is replaced.</summary>
        public void EnsureInstalled()
        {
            if (IsInstalled) return;
            _setLoop(PlayerLoopInstaller.Install(_getLoop(), _parent, _marker, _update, _shape));
            IsInstalled = true;
        }

        /// <summary>Takes every system marked with this host's marker out of the loop.</summary>
        public void Uninstall()
        {
            var loop = PlayerLoopInstaller.Remove(_getLoop(), _marker, _shape, out int removed);
            if (removed > 0) _setLoop(loop);
            IsInstalled = false;
        }

        /// <summary>Ticks every registered engine once.</summary>
        public void Tick() => Driver.Tick();

        /// <summary>
        /// Reacts to an Editor play-mode change: on <see cref="IpcPlayModeChange.ExitingPlayMode"/> the engines are
        /// drained (what views sent is dispatched, what the game sent leaves), the system is removed, and the engines are
        /// forgotten, so nothing of the play session ticks in edit mode. Returns the ticks the drain ran.
        /// </summary>
        public int OnPlayModeChanged(IpcPlayModeChange change)
        {
            if (change != IpcPlayModeChange.ExitingPlayMode) return 0;
            int ticks = Driver.Mains.Count > 0 ? Driver.Drain() : 0;
            Uninstall();
            Driver.Clear();
            return ticks;
        }

        /// <summary>
        /// Forgets the engines of an earlier session and marks the system as not installed, so the next
        /// <see cref="Register"/> installs it again (replacing whatever stale copy the loop still holds).
        /// Unity calls it at SubsystemRegistration, which also runs when domain reload is disabled.
        /// </summary>
        public void ResetSession()
        {
            Driver.Clear();
            IsInstalled = false;
        }
    }
}
