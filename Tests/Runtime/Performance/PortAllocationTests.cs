using System;
using System.Text;
using NUnit.Framework;

namespace FrameIpc.Tests.Performance
{
    /// <summary>Relaying port messages in steady state allocates nothing in the engine's tick: page to page, and page to an engine port.</summary>
    [TestFixture]
    public class PortAllocationTests
    {
        private const int WarmUpRounds = 200;
        private const int MeasuredRounds = 50;
        private const int MessagesPerFrame = 64;

        private static string Batch(long portId)
        {
            var s = new StringBuilder("{\"k\":\"batch\",\"m\":[");
            for (int i = 0; i < MessagesPerFrame; i++)
            {
                if (i > 0) s.Append(',');
                s.Append("{\"k\":\"portmessage\",\"p\":").Append(portId).Append(",\"a\":[{\"hp\":87,\"max\":100}]}");
            }
            return s.Append("]}").ToString();
        }

        [Test]
        public void PageToPageThroughAnEngineChannel_AllocatesNothingPerMessage()
        {
            AllocationRig.IgnoreUnlessTheCounterCounts();
            using var main = new IpcMain(new IpcOptions { TickTimeBudget = TimeSpan.FromSeconds(30) });
            var a = new QuietRawView(main);
            var b = new QuietRawView(main);
            main.Tick();
            QuietRawView.Join(main, a, b);
            string frame = Batch(-1);
            for (int i = 0; i < WarmUpRounds; i++)
            {
                a.Send(frame);
                main.Tick();
            }
            int framesBefore = b.Frames;

            long total = 0;
            for (int round = 0; round < MeasuredRounds; round++)
            {
                a.Send(frame); // the transport's copy into the engine's queue happens here, outside the measurement
                long before = AllocationRig.Allocated();
                main.Tick();
                total += AllocationRig.Allocated() - before;
            }

            Assert.That(b.Frames - framesBefore, Is.EqualTo(MeasuredRounds), "one batch per tick reached the other view");
            Assert.That(b.Last, Does.StartWith("{\"k\":\"batch\",\"m\":[{\"k\":\"portmessage\",\"p\":-1,\"a\":[{\"hp\":87,\"max\":100}]}"));
            Assert.That(total, Is.EqualTo(0), "bytes allocated by ipcMain.Tick() relaying " + MeasuredRounds * MessagesPerFrame + " port messages");
            a.Close();
            b.Close();
        }

        private int _received;
        private long _sum;

        private void OnMessage(PortMessageEvent e)
        {
            _received++;
            _sum += e.Data<int>();
        }

        [Test]
        public void PageToAStartedEnginePort_AllocatesNothingPerMessage()
        {
            AllocationRig.IgnoreUnlessTheCounterCounts();
            using var main = new IpcMain(new IpcOptions { TickTimeBudget = TimeSpan.FromSeconds(30) });
            var a = new QuietRawView(main);
            main.Tick();
            var channel = new MessageChannelMain(main);
            a.Contents.PostMessage("port", 0, new[] { channel.Port2 });
            channel.Port1.On("message", OnMessage);
            channel.Port1.Start();
            main.Tick();
            string frame = Batch(-1).Replace("{\"hp\":87,\"max\":100}", "87");
            for (int i = 0; i < WarmUpRounds; i++)
            {
                a.Send(frame);
                main.Tick();
            }
            _received = 0;
            _sum = 0;

            long total = 0;
            for (int round = 0; round < MeasuredRounds; round++)
            {
                a.Send(frame);
                long before = AllocationRig.Allocated();
                main.Tick();
                total += AllocationRig.Allocated() - before;
            }

            Assert.That(_received, Is.EqualTo(MeasuredRounds * MessagesPerFrame));
            Assert.That(_sum, Is.EqualTo(87L * MeasuredRounds * MessagesPerFrame));
            Assert.That(total, Is.EqualTo(0), "bytes allocated by ipcMain.Tick() dispatching port messages to a listener");
            a.Close();
        }
    }
}
