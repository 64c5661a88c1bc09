using System;
using System.Collections.Generic;
using System.Text;
using NUnit.Framework;

namespace FrameIpc.Tests.Limits
{
    /// <summary>
    /// What a page sends is held within bounds in characters, and what is refused is said, to the page and to the
    /// engine: the inbound queue, the frames a script bridge keeps before its view is attached, and the error notices
    /// a stream of garbage provokes.
    /// </summary>
    public class InboundBoundTests
    {
        /// <summary>A send envelope of exactly <paramref name="length"/> characters on channel "q".</summary>
        private static string SendOfLength(int length)
        {
            const string prefix = "{\"k\":\"send\",\"ch\":\"q\",\"a\":[\"";
            const string suffix = "\"]}";
            return prefix + new string('z', length - prefix.Length - suffix.Length) + suffix;
        }

        [Test]
        public void TheInboundQueueTakesFramesUpToItsCharacterBoundAndRefusesTheNextWithANotice()
        {
            var options = new IpcOptions { MaxFrameChars = 1024, MaxQueuedChars = 4096, TickTimeBudget = TimeSpan.FromSeconds(30) };
            using var rig = new IpcRig(options);
            var raw = new RawView(rig.Main);
            int heard = 0;
            rig.Main.On("q", e => heard++);
            rig.Main.Tick();
            raw.Received.Clear();

            // 4 × 1,024 = 4,096: exactly at the bound; the fifth frame would pass it.
            for (int i = 0; i < 5; i++) raw.Send(SendOfLength(1024));
            Assert.That(raw.Contents.Connection.QueuedChars, Is.EqualTo(4096));
            rig.Main.Tick();
            Assert.That(heard, Is.EqualTo(4));
            var refused = rig.Diagnostics.FindAll(d => d.Kind == IpcDiagnosticKind.LimitExceeded);
            Assert.That(refused.Count, Is.EqualTo(1));
            Assert.That(refused[0].Message, Does.Contain("1 frame(s) (1024 characters) refused"));
            Assert.That(raw.AllReceived, Does.Contain("LimitError").And.Contain("inbound queue"));
            Assert.That(raw.Contents.Connection.QueuedChars, Is.EqualTo(0));

            // Drained, it takes frames again.
            raw.Send(SendOfLength(1023));
            rig.Main.Tick();
            Assert.That(heard, Is.EqualTo(5));
            raw.Close();
        }

        [Test]
        public void AHostileFloodNeverQueuesMoreThanTheBound()
        {
            var options = new IpcOptions { MaxFrameChars = 64 * 1024, MaxQueuedChars = 256 * 1024 };
            using var rig = new IpcRig(options);
            var raw = new RawView(rig.Main);
            rig.Main.Tick();
            var frame = SendOfLength(64 * 1024);
            long most = 0;
            for (int i = 0; i < 200; i++)
            {
                raw.Send(frame);
                most = Math.Max(most, raw.Contents.Connection.QueuedChars);
            }
            Assert.That(most, Is.LessThanOrEqualTo(256 * 1024));
            rig.Main.Tick();
            raw.Close();
        }

        [Test]
        public void ErrorNoticesOfOneTickLeaveTogetherAndBounded()
        {
            using var rig = new IpcRig();
            var raw = new RawView(rig.Main);
            rig.Main.Tick();
            raw.Received.Clear();
            var batch = new StringBuilder("{\"k\":\"batch\",\"m\":[");
            for (int i = 0; i < 1000; i++) batch.Append(i == 0 ? "" : ",").Append("{\"k\":\"nonsense\"}");
            batch.Append("]}");
            raw.Send(batch.ToString());
            rig.Main.Tick();
            Assert.That(raw.Received.Count, Is.EqualTo(1), "one write for the tick's notices, not one per refused envelope");
            Assert.That(raw.Received[0], Does.Contain((1000 - IpcConnection.MaxNoticesPerFlush) + " more error notice(s)"));
            Assert.That(rig.Diagnostics.FindAll(d => d.Kind == IpcDiagnosticKind.ProtocolError).Count, Is.EqualTo(1000), "every refusal is still a diagnostic");
            raw.Close();
        }

        [TestCase(ScriptBridgeTransport.MaxEarlyFrames, 0)]
        [TestCase(ScriptBridgeTransport.MaxEarlyFrames + 1, 1)]
        public void FramesABridgeGetsBeforeAttachAreKeptUpToItsBoundAndTheRestReported(int frames, int lost)
        {
            using var rig = new IpcRig();
            var toPage = new List<string>();
            var bridge = new ScriptBridgeTransport(toPage.Add);
            int heard = 0;
            rig.Main.On("early", e => heard++);
            bridge.Receive("{\"k\":\"hello\",\"v\":1}");
            for (int i = 1; i < frames; i++) bridge.Receive("{\"k\":\"send\",\"ch\":\"early\",\"a\":[" + i + "]}");
            var contents = rig.Main.Attach(bridge);
            rig.Main.Tick();
            Assert.That(contents.IsReady, Is.True);
            Assert.That(heard, Is.EqualTo(Math.Min(frames, ScriptBridgeTransport.MaxEarlyFrames) - 1));
            var reports = rig.Diagnostics.FindAll(d => d.Kind == IpcDiagnosticKind.LimitExceeded);
            if (lost == 0)
            {
                Assert.That(reports, Is.Empty);
                contents.Close();
                return;
            }
            Assert.That(reports.Count, Is.EqualTo(1));
            Assert.That(reports[0].Message, Does.Contain(lost + " frame(s)").And.Contain("before its view was attached"));
            Assert.That(string.Join("\n", toPage), Does.Contain("before its view was attached"), "the page is told too");
            contents.Close();
        }

        [Test]
        public void EarlyBridgeFramesAreBoundedInCharactersToo()
        {
            using var rig = new IpcRig(new IpcOptions { MaxFrameChars = 2 << 20, MaxQueuedChars = 8 << 20 });
            var bridge = new ScriptBridgeTransport(_ => { });
            var mega = "{\"k\":\"send\",\"ch\":\"x\",\"a\":[\"" + new string('m', (1 << 20) - 40) + "\"]}";
            for (int i = 0; i < 5; i++) bridge.Receive(mega); // the fifth passes 4 Mi characters
            var contents = rig.Main.Attach(bridge);
            rig.Main.Tick();
            Assert.That(rig.Diagnostics.Exists(d => d.Message.Contains("1 frame(s)") && d.Message.Contains("before its view was attached")), Is.True);
            contents.Close();
        }
    }
}
