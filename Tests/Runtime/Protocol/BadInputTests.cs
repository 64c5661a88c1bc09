using System.Collections.Generic;
using NUnit.Framework;

namespace FrameIpc.Tests.Protocol
{
    /// <summary>Every kind of bad input gets a clear error, and the next valid message still works.</summary>
    public class BadInputTests
    {
        private static IEnumerable<TestCaseData> BadFrames()
        {
            yield return new TestCaseData("{\"k\":\"send\",\"ch\":\"x\"", IpcDiagnosticKind.ProtocolError, "Malformed JSON").SetName("Truncated JSON");
            yield return new TestCaseData("not json at all", IpcDiagnosticKind.ProtocolError, "must be a JSON object").SetName("Not JSON");
            yield return new TestCaseData("[1,2,3]", IpcDiagnosticKind.ProtocolError, "must be a JSON object").SetName("An array frame");
            yield return new TestCaseData("{\"k\":\"send\",\"ch\":\"x\"} trailing", IpcDiagnosticKind.ProtocolError, "extra text").SetName("Trailing garbage");
            yield return new TestCaseData("{\"k\":\"explode\"}", IpcDiagnosticKind.ProtocolError, "Unknown envelope kind 'explode'").SetName("Unknown kind");
            yield return new TestCaseData("{\"ch\":\"x\"}", IpcDiagnosticKind.ProtocolError, "without a kind").SetName("No kind");
            yield return new TestCaseData("{\"k\":7}", IpcDiagnosticKind.ProtocolError, "Member 'k' must be a string").SetName("Kind not a string");
            yield return new TestCaseData("{\"k\":\"send\"}", IpcDiagnosticKind.ProtocolError, "needs a string member 'ch'").SetName("Send without channel");
            yield return new TestCaseData("{\"k\":\"send\",\"ch\":\"x\",\"a\":5}", IpcDiagnosticKind.ProtocolError, "Member 'a' must be an array").SetName("Args not an array");
            yield return new TestCaseData("{\"k\":\"result\",\"id\":4242,\"r\":1}", IpcDiagnosticKind.UnknownInvokeId, "invoke id 4242").SetName("Unknown invoke id");
            yield return new TestCaseData("{\"k\":\"cancel\",\"id\":77}", IpcDiagnosticKind.UnknownInvokeId, "invoke id 77").SetName("Unknown cancel id");
            yield return new TestCaseData("{\"k\":\"invoke\",\"id\":-3,\"ch\":\"x\"}", IpcDiagnosticKind.ProtocolError, "Member 'id' is out of range").SetName("Negative id");
            yield return new TestCaseData("{\"k\":\"invoke\",\"id\":1e999,\"ch\":\"x\"}", IpcDiagnosticKind.ProtocolError, "Member 'id' must be an integer").SetName("Huge id");
            yield return new TestCaseData("{\"k\":\"send\",\"ch\":\"x\",\"a\":[01]}", IpcDiagnosticKind.ProtocolError, "Malformed JSON").SetName("Leading zero");
            yield return new TestCaseData("{\"k\":\"send\",\"ch\":\"x\",\"a\":[\"\\q\"]}", IpcDiagnosticKind.ProtocolError, "invalid escape").SetName("Bad escape");
            yield return new TestCaseData("{\"k\":\"batch\",\"m\":[{\"k\":\"batch\",\"m\":[]}]}", IpcDiagnosticKind.ProtocolError, "Batches do not nest").SetName("Nested batch");
            yield return new TestCaseData("{\"k\":\"batch\"}", IpcDiagnosticKind.ProtocolError, "array member 'm'").SetName("Batch without m");
            yield return new TestCaseData("{\"k\":\"ready\",\"v\":1,\"view\":3}", IpcDiagnosticKind.ProtocolError, "not valid in this direction").SetName("Ready sent by a view");
            yield return new TestCaseData("{\"k\":\"send\",\"ch\":\"x\",\"a\":[" + new string('[', 100) + new string(']', 100) + "]}",
                IpcDiagnosticKind.LimitExceeded, "nested deeper than the limit of 64").SetName("Too deep");
            yield return new TestCaseData("{\"k\":\"send\",\"ch\":\"x\",\"a\":[\"" + new string('x', 2000) + "\"]}",
                IpcDiagnosticKind.LimitExceeded, "the limit is 1024").SetName("Oversize");
        }

        [TestCaseSource(nameof(BadFrames))]
        public void ABadFrameGetsAClearDiagnosticAnErrorNoticeAndTheNextMessageWorks(string frame, IpcDiagnosticKind kind, string text)
        {
            using var rig = new IpcRig(new IpcOptions { MaxFrameChars = 1024, TickTimeBudget = System.TimeSpan.FromSeconds(30) });
            var raw = new RawView(rig.Main);
            int good = 0;
            rig.Main.On("good", e => good = e.Arg<int>(0));
            rig.Main.Tick();
            rig.Diagnostics.Clear();
            raw.Received.Clear();

            raw.Send(frame);
            raw.Send("{\"k\":\"send\",\"ch\":\"good\",\"a\":[1]}");
            rig.Main.Tick();

            var d = rig.Diagnostics.Find(x => x.Kind == kind);
            Assert.That(d.Message, Does.Contain(text), string.Join("; ", rig.Diagnostics));
            if (kind != IpcDiagnosticKind.UnknownInvokeId) Assert.That(raw.AllReceived, Does.Contain("\"k\":\"error\""));
            Assert.That(good, Is.EqualTo(1), "the next valid message still works");
            raw.Close();
        }

        [Test]
        public void ABadEnvelopeInsideABatchSparesItsNeighbours()
        {
            using var rig = new IpcRig();
            var raw = new RawView(rig.Main);
            var got = new List<int>();
            rig.Main.On("n", e => got.Add(e.Arg<int>(0)));
            raw.Send("{\"k\":\"batch\",\"m\":[{\"k\":\"send\",\"ch\":\"n\",\"a\":[1]},{\"k\":\"bogus\"},{\"k\":\"send\",\"ch\":\"n\",\"a\":[2]}]}");
            rig.Main.Tick();
            Assert.That(got, Is.EqualTo(new[] { 1, 2 }));
            Assert.That(rig.Diagnostics.Exists(d => d.Message.Contains("Unknown envelope kind 'bogus'")), Is.True);
            raw.Close();
        }

        [Test]
        public void ABadInvokeIsAnsweredWithAnErrorResultItsSenderCanMatch()
        {
            using var rig = new IpcRig();
            var raw = new RawView(rig.Main);
            rig.Main.Tick();
            raw.Received.Clear();
            raw.Send("{\"k\":\"invoke\",\"id\":9,\"ch\":\"x\",\"a\":\"oops\"}");
            rig.Main.Tick();
            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"result\",\"id\":9,\"e\":{\"name\":\"ProtocolError\",\"message\":\"Member 'a' must be an array\",\"code\":\"EPROTO\"}}"));
            raw.Close();
        }

        [Test]
        public void ADuplicateInvokeIdIsRefusedWhileTheFirstIsRunning()
        {
            using var rig = new IpcRig();
            var raw = new RawView(rig.Main);
            var gate = new System.Threading.Tasks.TaskCompletionSource<int>();
            rig.Main.Handle<int>("slow", (e, ct) => gate.Task);
            raw.Send("{\"k\":\"invoke\",\"id\":5,\"ch\":\"slow\"}");
            raw.Send("{\"k\":\"invoke\",\"id\":5,\"ch\":\"slow\"}");
            rig.Main.Tick();
            Assert.That(raw.AllReceived, Does.Contain("Duplicate invoke id 5"));
            gate.SetResult(3);
            rig.Main.Tick();
            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"result\",\"id\":5,\"r\":3}"));
            raw.Close();
        }

        [Test]
        public void WrongArgumentTypesGiveTheHandlersCallerAClearError()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            rig.Main.Handle("square", e => e.Arg<int>(0) * e.Arg<int>(0));
            var ex = (IpcException)rig.AwaitFailure(view.InvokeAsync<string, int>("square", "seven"));
            Assert.That(ex.Message, Does.Contain("arg 0 of 'square': expected int, got string \"seven\""));
            Assert.That(rig.Await(view.InvokeAsync<int, int>("square", 7)), Is.EqualTo(49));
        }

        [Test]
        public void TypeNamesFromTheWireAreNeverObeyed()
        {
            using var rig = new IpcRig();
            var raw = new RawView(rig.Main);
            object got = null;
            rig.Main.On("x", e => got = e.Arg<object>(0));
            raw.Send("{\"k\":\"send\",\"ch\":\"x\",\"a\":[{\"$type\":\"System.IO.FileInfo, System.IO.FileSystem\",\"fileName\":\"/etc/passwd\"}]}");
            rig.Main.Tick();
            Assert.That(got, Is.InstanceOf<Newtonsoft.Json.Linq.JObject>());
            raw.Close();
        }

        [Test]
        public void AnUnsupportedProtocolVersionIsAnsweredClearly()
        {
            using var rig = new IpcRig();
            var raw = new RawView(rig.Main, hello: false);
            raw.Send("{\"k\":\"hello\",\"v\":2}");
            rig.Main.Tick();
            Assert.That(raw.AllReceived, Does.Contain("Unsupported protocol version 2; this engine speaks 1"));
            Assert.That(raw.Contents.IsReady, Is.False);
            raw.Send("{\"k\":\"hello\",\"v\":1}");
            rig.Main.Tick();
            Assert.That(raw.Contents.IsReady, Is.True);
            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"ready\",\"v\":1,\"view\":" + raw.Contents.Id + ",\"max\":1048576}"));
            raw.Close();
        }

        [Test]
        public void EscapedChannelNamesAndUnknownMembersAreAccepted()
        {
            using var rig = new IpcRig();
            var raw = new RawView(rig.Main);
            string got = null;
            rig.Main.On("a/b", e => got = e.Arg<string>(0));
            raw.Send("{\"future\":{\"x\":[1]},\"k\":\"\\u0073end\",\"a\":[\"caf\\u00e9 \\\"q\\\"\"],\"ch\":\"a\\/b\"}");
            rig.Main.Tick();
            Assert.That(got, Is.EqualTo("café \"q\""));
            raw.Close();
        }
    }
}
