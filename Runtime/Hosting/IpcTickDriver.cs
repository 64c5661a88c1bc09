using System;
using System.Collections.Generic;

namespace FrameIpc
{
    /// <summary>
    /// Ticks a set of <see cref="IpcMain"/>s once per frame: the plain logic behind the PlayerLoop, MonoBehaviour and
    /// Editor drivers. Registering twice is harmless; one engine that throws is reported and the others still tick;
    /// an engine disposed while registered is dropped. The set is copied on change, so a tick allocates nothing.
    /// </summary>
    internal sealed class IpcTickDriver
    {
        private readonly CopyOnWriteArray<IpcMain> _mains = new CopyOnWriteArray<IpcMain>();

        /// <summary>What a tick threw, with the engine that threw it. With no subscriber it is dropped. Default none.</summary>
        public event Action<IpcMain, Exception>? Error;

        /// <summary>The engines ticked, in registration order.</summary>
        public IReadOnlyList<IpcMain> Mains => _mains.Snapshot;

        /// <summary>Adds <paramref name="main"/>; returns false if it was already registered. Thread-safe.</summary>
        public bool Register(IpcMain main)
        {
            if (main == null) throw new ArgumentNullException(nameof(main));
            return _mains.AddIfAbsent(main);
        }

        /// <summary>Removes <paramref name="main"/>; returns false if it was not registered. Thread-safe.</summary>
        public bool Unregister(IpcMain main)
        {
            if (main == null) return false;
            return _mains.Remove(main);
        }

        /// <summary>Forgets every engine (without disposing them).</summary>
        public void Clear()
        {
            _mains.Clear();
        }

        /// <summary>Ticks every registered engine once, on the calling thread (the game's main thread).</summary>
        public void Tick()
        {
            var mains = _mains.Snapshot;
            for (int i = 0; i < mains.Length; i++) TickOne(mains[i]);
        }

        /// <summary>
        /// Ticks until no engine has inbound frames left or <paramref name="maxTicks"/> ticks ran (default 8), so what
        /// the views already sent is dispatched and what the engines sent is flushed. Returns the ticks run.
        /// </summary>
        public int Drain(int maxTicks = 8)
        {
            if (maxTicks < 1) throw new ArgumentOutOfRangeException(nameof(maxTicks), "must be at least 1");
            int ticks = 0;
            do
            {
                Tick();
                ticks++;
            }
            while (ticks < maxTicks && HasBacklog());
            return ticks;
        }

        private bool HasBacklog()
        {
            var mains = _mains.Snapshot;
            for (int i = 0; i < mains.Length; i++)
                if (mains[i].QueuedFrames > 0) return true;
            return false;
        }

        private void TickOne(IpcMain main)
        {
            try
            {
                main.Tick();
            }
            catch (ObjectDisposedException)
            {
                // Disposed by its owner without unregistering: a normal way for an engine to end.
                Unregister(main);
            }
            catch (Exception ex)
            {
                var handler = Error;
                if (handler == null) return;
                try { handler(main, ex); }
                catch (Exception) { /* a failing error sink must not stop the other engines */ }
            }
        }
    }
}
