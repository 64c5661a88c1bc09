using NUnit.Framework;

namespace FrameIpc.Tests.Performance
{
    /// <summary>The per-view <c>ipc-message</c> event keeps the engine's tick allocation-free (see <see cref="AllocationTests"/>).</summary>
    [TestFixture]
    public class IpcMessageAllocationTests
    {
        private const int WarmUpRounds = 200;
        private const int MeasuredRounds = 50;
        private const int MessagesPerTick = 64;
        private int _raised;
        private int _heard;

        [Test]
        public void SteadyStateSend_WithIpcMessageAndAListener_AllocatesNothingInTheEngineTick()
        {
            using (var rig = AllocationRig.Create())
            {
                rig.Main.Views[0].IpcMessage += OnIpcMessage;
                rig.Main.On("hud:health", OnHealth);
                for (int i = 0; i < WarmUpRounds; i++)
                {
                    QueueSends(rig);
                    rig.Main.Tick();
                }
                _raised = _heard = 0;

                long total = 0;
                for (int round = 0; round < MeasuredRounds; round++)
                {
                    QueueSends(rig);
                    long before = AllocationRig.Allocated();
                    rig.Main.Tick();
                    total += AllocationRig.Allocated() - before;
                }

                Assert.That(_raised, Is.EqualTo(MeasuredRounds * MessagesPerTick), "ipc-message was raised for every message");
                Assert.That(_heard, Is.EqualTo(MeasuredRounds * MessagesPerTick), "the listener heard every message");
                Assert.That(total, Is.EqualTo(0), "bytes allocated by ipcMain.Tick() raising ipc-message");
            }
        }

        private static void QueueSends(AllocationRig rig)
        {
            for (int i = 0; i < MessagesPerTick; i++) rig.View.Send("hud:health", 87);
            rig.View.Tick();
        }

        private void OnIpcMessage(IpcEvent e, string channel) => _raised += e.Arg<int>(0) == 87 ? 1 : 0;

        private void OnHealth(IpcEvent e) => _heard++;
    }
}
