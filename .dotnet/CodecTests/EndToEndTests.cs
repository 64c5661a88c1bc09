using System;
using System.Threading.Tasks;
using FrameIpc.Tests;
using NUnit.Framework;

namespace FrameIpc.CodecTests
{
    /// <summary>Generated codecs on the real path: a view sends and invokes, the engine's tick dispatches.</summary>
    public class EndToEndTests
    {
        [Test]
        public void AGeneratedPayloadCrossesAndArrivesIntact()
        {
            using var ipc = IpcHarness.Connected();
            Inventory received = null;
            ipc.Main.On<Inventory>("inv", (e, value) => received = value);
            var sent = new RandomPayloads(5).Inventory() ?? new Inventory();
            ipc.View.Send("inv", sent);
            ipc.View.Tick();
            ipc.Main.Tick();
            Assert.That(CodecHarness.WriteGenerated(received), Is.EqualTo(CodecHarness.WriteGenerated(sent)));
        }

        [Test]
        public void ATypedInvokeReturnsAGeneratedPayload()
        {
            using var ipc = IpcHarness.Connected();
            ipc.Main.Handle("state", e => new PlayerState { Name = "n", Hp = e.Arg<int>(0) });
            ValueTask<PlayerState> call = ipc.View.InvokeAsync<int, PlayerState>("state", 7);
            for (int round = 0; round < 10 && !call.IsCompleted; round++) ipc.TickAll();
            Assert.That(call.IsCompleted, Is.True);
            Assert.That(call.Result.Hp, Is.EqualTo(7));
        }

        [Test]
        public void SendingAStructPayloadAllocatesNothingOncePoolsAreWarm()
        {
            using var ipc = IpcHarness.Connected();
            Vec last = default;
            ipc.Main.On<Vec>("vec", (e, v) => last = v);
            var sample = new Vec { X = 1.5f, Y = -2, Z = 3.25 };
            for (int i = 0; i < 200; i++) SendBatch(ipc, sample);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 50; i++) SendBatch(ipc, sample);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.That(last.Z, Is.EqualTo(3.25));
            Assert.That(allocated, Is.EqualTo(0), "bytes allocated by 50 ticks of 100 struct messages");
        }

        private static void SendBatch(IpcHarness ipc, Vec sample)
        {
            for (int i = 0; i < 100; i++) ipc.View.Send("vec", sample);
            ipc.View.Tick();
            ipc.Main.Tick();
        }
    }
}
