using System;
using System.Collections.Generic;

namespace FrameIpc
{
    /// <summary>
    /// The engines the IPC Monitor lists. The PlayerLoop, MonoBehaviour and Editor drivers add the engines they tick;
    /// add others yourself. Registering holds a strong reference until <see cref="Remove"/> (or a disposed engine's
    /// first tick failure in a driver), so remove what you add. Thread-safe.
    /// </summary>
    public static class IpcMonitorRegistry
    {
        private static readonly object s_lock = new object();
        private static readonly List<IpcMonitorTarget> s_targets = new List<IpcMonitorTarget>();

        /// <summary>Raised after the list changed (on the thread that changed it).</summary>
        internal static event Action? Changed;

        /// <summary>Adds <paramref name="main"/> under <paramref name="name"/>, or renames it if it is listed already.</summary>
        public static void Add(IpcMain main, string name)
        {
            if (main == null) throw new ArgumentNullException(nameof(main));
            lock (s_lock)
            {
                int i = IndexOf(main);
                var target = new IpcMonitorTarget(string.IsNullOrEmpty(name) ? "IpcMain" : name, main);
                if (i >= 0) s_targets[i] = target;
                else s_targets.Add(target);
            }
            Changed?.Invoke();
        }

        /// <summary>Removes <paramref name="main"/>; returns false if it was not listed.</summary>
        public static bool Remove(IpcMain main)
        {
            lock (s_lock)
            {
                int i = IndexOf(main);
                if (i < 0) return false;
                s_targets.RemoveAt(i);
            }
            Changed?.Invoke();
            return true;
        }

        /// <summary>Fills <paramref name="into"/> (cleared first) with the listed engines, in the order they were added.</summary>
        internal static void CopyTo(List<IpcMonitorTarget> into)
        {
            if (into == null) throw new ArgumentNullException(nameof(into));
            into.Clear();
            lock (s_lock) into.AddRange(s_targets);
        }

        /// <summary>Forgets every engine (Unity calls it when a play session starts without a domain reload).</summary>
        public static void Clear()
        {
            lock (s_lock) s_targets.Clear();
            Changed?.Invoke();
        }

        private static int IndexOf(IpcMain main)
        {
            for (int i = 0; i < s_targets.Count; i++)
                if (ReferenceEquals(s_targets[i].Main, main)) return i;
            return -1;
        }
    }
}
