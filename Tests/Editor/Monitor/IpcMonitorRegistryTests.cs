using System.Collections.Generic;
using NUnit.Framework;

namespace FrameIpc.Editor.Tests.Monitor
{
    // The registry is process-wide. This counts its Changed events, so it relies on NUnit's default of running tests
    // one at a time (nothing in these assemblies opts into parallel runs); the attribute that would say so needs
    // NUnit 3.7+, and Unity's NUnit is a 3.5 fork.
    public class IpcMonitorRegistryTests
    {
        [Test]
        public void EnginesAreListedInOrderRenamedInPlaceAndRemoved()
        {
            using var a = new IpcMain();
            using var b = new IpcMain();
            int changes = 0;
            System.Action onChange = () => changes++;
            IpcMonitorRegistry.Changed += onChange;
            try
            {
                IpcMonitorRegistry.Add(a, "game");
                IpcMonitorRegistry.Add(b, "editor");
                IpcMonitorRegistry.Add(a, "game (renamed)");
                var list = new List<IpcMonitorTarget>();
                IpcMonitorRegistry.CopyTo(list);
                var mine = list.FindAll(t => t.Main == a || t.Main == b);
                Assert.That(mine.ConvertAll(t => t.Name), Is.EqualTo(new[] { "game (renamed)", "editor" }));
                Assert.That(IpcMonitorRegistry.Remove(a), Is.True);
                Assert.That(IpcMonitorRegistry.Remove(a), Is.False);
                IpcMonitorRegistry.CopyTo(list);
                Assert.That(list.Exists(t => t.Main == a), Is.False);
                Assert.That(changes, Is.EqualTo(4));
            }
            finally
            {
                IpcMonitorRegistry.Changed -= onChange;
                IpcMonitorRegistry.Remove(a);
                IpcMonitorRegistry.Remove(b);
            }
        }
    }
}
