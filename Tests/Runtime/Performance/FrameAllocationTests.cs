using System.Text;
using FrameIpc.Tests.Api;
using NUnit.Framework;

namespace FrameIpc.Tests.Performance
{
    /// <summary>
    /// A subframe's messages cost what the top page's cost: finding the frame by its <c>fr</c> and dispatching through
    /// its own emitters allocates nothing in steady state (counted with GC.GetAllocatedBytesForCurrentThread, no timings).
    /// </summary>
    [TestFixture]
    public class FrameAllocationTests
    {
        private const int WarmUpRounds = 200;
        private const int MeasuredRounds = 50;
        private const int MessagesPerFrame = 16;
        private long _sum;

        [TestCase(0, TestName = "Top page's sends to a scoped listener allocate nothing")]
        [TestCase(2, TestName = "Subframe's sends to its frame's scoped listener allocate nothing")]
        public void SendsDispatchedToAFramesScopedListener_AllocateNothing(int frameId)
        {
            AllocationRig.IgnoreUnlessTheCounterCounts();
            using var rig = new IpcRig();
            var raw = FrameTests.ViewWithFrame(rig);
            raw.Contents.FindFrame(frameId).Ipc.On<int>("hud:health", OnHealth);
            string frame = Batch(frameId);
            for (int i = 0; i < WarmUpRounds; i++)
            {
                raw.Send(frame);
                rig.Main.Tick();
            }
            _sum = 0;

            // The tick only, as AllocationTests measures it: what the transport's copy into the inbound queue costs is not the frame's.
            long total = 0;
            for (int i = 0; i < MeasuredRounds; i++)
            {
                raw.Send(frame);
                long before = AllocationRig.Allocated();
                rig.Main.Tick();
                total += AllocationRig.Allocated() - before;
            }
            Assert.That(total, Is.EqualTo(0), $"bytes allocated by ipcMain.Tick() for {MeasuredRounds} frames of {MessagesPerFrame} sends from frame {frameId}");

            Assert.That(_sum, Is.EqualTo(87L * MessagesPerFrame * MeasuredRounds), "every message reached the frame's listener");
            Assert.That(raw.Received, Is.Empty, "nothing was refused");
            raw.Close();
        }

        private void OnHealth(IpcEvent e, int hp) => _sum += hp;

        private static string Batch(int frameId)
        {
            var text = new StringBuilder("{\"k\":\"batch\",\"m\":[");
            for (int i = 0; i < MessagesPerFrame; i++)
            {
                if (i > 0) text.Append(',');
                text.Append("{\"k\":\"send\",\"ch\":\"hud:health\",\"a\":[87]");
                if (frameId > 0) text.Append(",\"fr\":").Append(frameId);
                text.Append('}');
            }
            return text.Append("]}").ToString();
        }
    }
}
