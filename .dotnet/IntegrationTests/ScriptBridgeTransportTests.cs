using System;
using System.Collections.Generic;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    /// <summary>ScriptBridgeTransport on its own, with a recording receiver (no browser).</summary>
    [TestFixture]
    public sealed class ScriptBridgeTransportTests
    {
        private sealed class Recorder : IFrameReceiver
        {
            public readonly List<string> Frames = new List<string>();
            public readonly List<string> Closed = new List<string>();
            public void OnFrame(ReadOnlySpan<char> frame) => Frames.Add(frame.ToString());
            public void OnClosed(string reason) => Closed.Add(reason);
        }

        [Test]
        public void FramesReceivedBeforeStart_AreDeliveredInOrderAtStart()
        {
            var transport = new ScriptBridgeTransport(_ => { });
            var receiver = new Recorder();

            transport.Receive("one");
            transport.Receive("two");
            transport.Start(receiver);
            transport.Receive("three");

            Assert.That(receiver.Frames, Is.EqualTo(new[] { "one", "two", "three" }));
        }

        [Test]
        public void Send_PushesTheFrameAsIs_OrWrappedForScriptExecution()
        {
            var pushed = new List<string>();
            var plain = new ScriptBridgeTransport(pushed.Add);
            var script = ScriptBridgeTransport.ForScriptExecution(pushed.Add);

            plain.Send("{\"k\":\"ready\"}".AsSpan());
            script.Send("{\"k\":\"ready\"}".AsSpan());

            Assert.That(pushed, Is.EqualTo(new[] { "{\"k\":\"ready\"}", "window.__frameIpcReceive(\"{\\\"k\\\":\\\"ready\\\"}\")" }));
            Assert.That(plain.CanBlockCurrentThread, Is.False);
        }

        [Test]
        public void ReceiveScript_EscapesEverythingAStringLiteralCannotHold()
        {
            var script = ScriptBridgeTransport.ReceiveScript("a\"b\\c\nd\re\tf\u2028g\u2029h</script>\u0001".AsSpan());

            Assert.That(script, Is.EqualTo("window.__frameIpcReceive(\"a\\\"b\\\\c\\nd\\re\\tf\\u2028g\\u2029h\\u003c/script>\\u0001\")"));
        }

        [Test]
        public void Close_TellsTheReceiverOnce_ThenSendThrowsViewGone_AndReceivesAreDropped()
        {
            var transport = new ScriptBridgeTransport(_ => { });
            var receiver = new Recorder();
            transport.Start(receiver);

            transport.Close("browser destroyed");
            transport.Dispose();
            transport.Receive("late");
            var error = Assert.Throws<IpcException>(() => transport.Send("x".AsSpan()));

            Assert.That(receiver.Closed, Is.EqualTo(new[] { "browser destroyed" }));
            Assert.That(receiver.Frames, Is.Empty);
            Assert.That(error.Name, Is.EqualTo("ViewGoneError"));
            Assert.That(error.Message, Does.Contain("browser destroyed"));
        }

        [Test]
        public void InjectionScript_DefinesTheHostShimBeforeTheRenderer()
        {
            var script = ScriptBridgeTransport.InjectionScript("CefSharp.PostMessage");

            // The shim first, defined unless the window already owns one (an element named frameIpcHost does not count).
            Assert.That(script, Does.StartWith("(function () { if (!Object.prototype.hasOwnProperty.call(window, 'frameIpcHost'))"));
            Assert.That(script, Does.Contain("(CefSharp.PostMessage)(frame)"));
            Assert.That(script, Does.Contain(ScriptBridgeTransport.RendererScript));
            Assert.Throws<ArgumentException>(() => ScriptBridgeTransport.InjectionScript(" "));
        }
    }
}
