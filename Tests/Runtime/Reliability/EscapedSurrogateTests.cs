using System;
using NUnit.Framework;

namespace FrameIpc.Tests.Reliability
{
    /// <summary>
    /// Found by the fuzzer (seed 20261201): a string that ends in an escaped lone high surrogate (<c>"\ud800"</c>, valid JSON)
    /// where the engine reads it itself (a channel name with escapes, an error's name or message) made Newtonsoft read past the
    /// value, and the exception escaped Tick with the frame left at the head of the queue: every later Tick threw again.
    /// </summary>
    
    public class EscapedSurrogateTests
    {
        [TestCase("{\"k\":\"send\",\"ch\":\"\\ud800\",\"a\":[]}", TestName = "A channel name that is one escaped lone surrogate")]
        [TestCase("{\"k\":\"send\",\"ch\":\"hud\\ud800\",\"a\":[]}", TestName = "A channel name ending in an escaped lone surrogate")]
        [TestCase("{\"k\":\"batch\",\"m\":[{\"k\":\"send\",\"ch\":\"\\udbff\"}]}", TestName = "The same inside a batch")]
        [TestCase("{\"k\":\"error\",\"e\":{\"name\":\"\\ud800\",\"message\":\"x\"}}", TestName = "An error notice whose name ends so")]
        [TestCase("{\"k\":\"error\",\"e\":{\"name\":\"n\",\"message\":\"x\\ud800\"}}", TestName = "An error notice whose message ends so")]
        public void AStringEndingInAnEscapedLoneSurrogateNeitherEscapesTickNorWedgesTheQueue(string frame)
        {
            using var rig = new IpcRig();
            var raw = new RawView(rig.Main);
            int good = 0;
            rig.Main.On("good", e => good++);
            rig.Main.Tick();

            raw.Send(frame);
            raw.Send("{\"k\":\"send\",\"ch\":\"good\",\"a\":[]}");
            Assert.That(() => rig.Main.Tick(), Throws.Nothing, "no exception escapes Tick");
            Assert.That(() => rig.Main.Tick(), Throws.Nothing, "nor on the next one");
            Assert.That(rig.Main.QueuedFrames, Is.EqualTo(0), "the frame left the queue");
            Assert.That(good, Is.EqualTo(1), "the next message still works");
            raw.Close();
        }

        [Test]
        public void AnErrorResultWhoseMessageEndsSoStillSettlesTheInvoke()
        {
            using var rig = new IpcRig();
            var raw = new RawView(rig.Main);
            rig.Main.Tick();
            var call = raw.Contents.InvokeAsync<int>("page:x").AsTask();
            rig.Main.Tick();
            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"invoke\",\"id\":1,"));

            raw.Send("{\"k\":\"result\",\"id\":1,\"e\":{\"name\":\"Error\",\"message\":\"bad \\ud800\"}}");
            Assert.That(() => rig.Main.Tick(), Throws.Nothing);
            Assert.That(call.IsCompleted, Is.True, "the invoke settled");
            Assert.That(rig.Main.QueuedFrames, Is.EqualTo(0));
            raw.Close();
        }

        [Test]
        public void AnArgumentEndingInAnEscapedLoneSurrogateReadsAsAString()
        {
            using var rig = new IpcRig();
            var raw = new RawView(rig.Main);
            string got = null;
            rig.Main.On("text", e => got = e.Arg<string>(0));
            raw.Send("{\"k\":\"send\",\"ch\":\"text\",\"a\":[\"a\\ud800\"]}");
            rig.Main.Tick();
            Assert.That(rig.Diagnostics.Find(d => d.Kind == IpcDiagnosticKind.ListenerError).Message, Is.Null, "valid JSON text is read, not refused");
            Assert.That(got, Is.EqualTo("a\ud800").Or.EqualTo("a\ufffd"), "the lone surrogate kept, or replaced as Newtonsoft does");
            raw.Close();
        }
    }
}
