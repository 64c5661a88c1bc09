using System;
using System.Text;
using BenchmarkDotNet.Attributes;
using FrameIpc.Tests;

namespace FrameIpc.Benchmarks
{
    /// <summary>
    /// Page to page through a MessagePort: view A's frame of port messages (the ~100-character payload) reaches the engine,
    /// whose tick copies each into view B's batch and flushes it to B. Both views speak raw frames in process, so what is
    /// measured is the engine's part (the transport's copy in, decoding, relaying, the batch out), per message; a browser
    /// adds its own JSON and postMessage on each side. Beside it, the same traffic as a <c>sendTo</c> relay, and the same
    /// port messages to a started engine port whose listener decodes the payload.
    /// </summary>
    [BenchmarkCategory("PortRelay")]
    public class PortBenchmarks
    {
        public const int PerFrame = 100;
        private const string Payload = "{\"hp\":87,\"maxHp\":100,\"ammo\":30,\"x\":12.5,\"y\":-3.25,\"alive\":true,\"name\":\"Ranger Seven of the North\"}";

        private IpcMain _main = null!;
        private QuietRawView _a = null!;
        private QuietRawView _b = null!;
        private string _portBatch = null!;
        private string _portOne = null!;
        private string _relayBatch = null!;
        private IpcMain _engineMain = null!;
        private QuietRawView _engineView = null!;
        private int _engineReceived;
        private PlayerState? _engineLast;

        [GlobalSetup]
        public void Setup()
        {
            _main = new IpcMain(new IpcOptions { AllowRelay = true, TickTimeBudget = TimeSpan.FromSeconds(30) });
            _a = new QuietRawView(_main);
            _b = new QuietRawView(_main);
            _main.Tick();
            QuietRawView.Join(_main, _a, _b);
            _portOne = "{\"k\":\"portmessage\",\"p\":-1,\"a\":[" + Payload + "]}";
            _portBatch = Batch(_portOne);
            _relayBatch = Batch("{\"k\":\"send\",\"ch\":\"peer\",\"a\":[" + Payload + "],\"to\":" + _b.Contents.Id + "}");

            _engineMain = new IpcMain(new IpcOptions { TickTimeBudget = TimeSpan.FromSeconds(30) });
            _engineView = new QuietRawView(_engineMain);
            _engineMain.Tick();
            var channel = new MessageChannelMain(_engineMain);
            _engineView.Contents.PostMessage("port", 0, new[] { channel.Port2 });
            channel.Port1.On("message", e =>
            {
                _engineLast = e.Data<PlayerState>();
                _engineReceived++;
            });
            channel.Port1.Start();
            _engineMain.Tick();

            // Each row runs once before measuring and must arrive: a broken case fails here.
            int frames = _b.Frames;
            PortPageToPageBatched();
            Check(_b.Frames == frames + 1 && _b.Last.Contains("\"p\":-1,\"a\":[{\"hp\":87"), "the port batch");
            PortPageToPage();
            Check(_b.Frames == frames + 2 && _b.Last.Contains("portmessage"), "the single port message");
            SendToRelayBatched();
            Check(_b.Frames == frames + 3 && _b.Last.Contains("\"from\":" + _a.Contents.Id), "the sendTo relay");
            PortPageToEngineBatched();
            Check(_engineReceived == PerFrame, "the engine port's messages");
            PlayerState.Check(_engineLast);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _main.Dispose();
            _engineMain.Dispose();
        }

        /// <summary>100 port messages in one frame from A, relayed to B in one batch. Per message.</summary>
        [Benchmark(OperationsPerInvoke = PerFrame, Description = "FrameIPC port page→page, 100 per tick")]
        public void PortPageToPageBatched()
        {
            _a.Send(_portBatch);
            _main.Tick();
        }

        /// <summary>One port message per frame and tick.</summary>
        [Benchmark(Description = "FrameIPC port page→page, 1 per tick")]
        public void PortPageToPage()
        {
            _a.Send(_portOne);
            _main.Tick();
        }

        /// <summary>The same traffic as sendTo relays (channel name, filters, RelayFilter, from). Per message.</summary>
        [Benchmark(OperationsPerInvoke = PerFrame, Description = "FrameIPC sendTo relay page→page, 100 per tick")]
        public void SendToRelayBatched()
        {
            _a.Send(_relayBatch);
            _main.Tick();
        }

        /// <summary>100 port messages to a started engine port, each decoded to a <see cref="PlayerState"/>. Per message.</summary>
        [Benchmark(OperationsPerInvoke = PerFrame, Description = "FrameIPC port page→engine listener (PlayerState), 100 per tick")]
        public void PortPageToEngineBatched()
        {
            _engineView.Send(_portBatch);
            _engineMain.Tick();
        }

        private static string Batch(string envelope)
        {
            var s = new StringBuilder("{\"k\":\"batch\",\"m\":[");
            for (int i = 0; i < PerFrame; i++) s.Append(i == 0 ? "" : ",").Append(envelope);
            return s.Append("]}").ToString();
        }

        private static void Check(bool ok, string what)
        {
            if (!ok) throw new InvalidOperationException("PortBenchmarks: " + what + " did not arrive.");
        }
    }
}
