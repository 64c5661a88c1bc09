using System;
using System.IO;
using NUnit.Framework;
namespace FrameIpc.Tests.Performance
{
    public class ZzProbeTests
    {
        [Test]
        public void ExactCopy()
        {
            AllocationRig.IgnoreUnlessTheCounterCounts();
            using (var main = new IpcMain())
            {
                for (int i = 0; i < 200; i++) main.Tick();

                long before = AllocationRig.Allocated();
                for (int i = 0; i < 50; i++) main.Tick();
                long bytes = AllocationRig.Allocated() - before;

                File.WriteAllText("/tmp/probe1.txt", bytes.ToString());
                Assert.That(bytes, Is.EqualTo(0));
            }
        }

        [Test]
        public void NoAssert()
        {
            AllocationRig.IgnoreUnlessTheCounterCounts();
            using (var main = new IpcMain())
            {
                for (int i = 0; i < 200; i++) main.Tick();

                long before = AllocationRig.Allocated();
                for (int i = 0; i < 50; i++) main.Tick();
                long bytes = AllocationRig.Allocated() - before;

                File.WriteAllText("/tmp/probe2.txt", bytes.ToString());
            }
        }
    }
}
