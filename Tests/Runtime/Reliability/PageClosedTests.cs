using System;
using System.Net.WebSockets;
using NUnit.Framework;

namespace FrameIpc.Tests.Reliability
{
    /// <summary>
    /// A page that closes or reloads is the page's ordinary life: the view's close reason and its Lifecycle diagnostic
    /// say so, and only a transport that really fails is called "transport failed".
    /// </summary>
    public class PageClosedTests
    {
        [Test]
        public void AWriteToATransportThatSaysItIsClosed_ClosesTheViewWithTheTransportsReason_NotAsAFailure()
        {
            using var rig = new FaultRig();
            var link = rig.AddView();
            var diagnostics = new System.Collections.Generic.List<IpcDiagnostic>();
            rig.Main.Diagnostic += diagnostics.Add;
            rig.TickAll();

            link.EngineEnd.FailSends = new IpcException(IpcErrorNames.ViewGone,
                "The WebSocket is closed (the page closed or reloaded (WebSocket close 1001))", IpcErrorCodes.ViewGone);
            link.Contents.Send("n", 1);
            rig.Pump(() => link.Contents.IsDestroyed, "the view to go away");

            Assert.That(link.Contents.DestroyReason, Is.EqualTo("The WebSocket is closed (the page closed or reloaded (WebSocket close 1001))"));
            var lifecycle = diagnostics.Find(d => d.Message.StartsWith("destroyed:"));
            Assert.That(lifecycle, Is.Not.Null);
            Assert.That(lifecycle.Kind, Is.EqualTo(IpcDiagnosticKind.Lifecycle));
            Assert.That(lifecycle.Message, Does.Contain("the page closed or reloaded"));
            Assert.That(diagnostics.Exists(d => d.Message.Contains("transport failed")), Is.False);
        }

        [Test]
        public void AnyOtherWriteFailureIsStillATransportFailure()
        {
            using var rig = new FaultRig();
            var link = rig.AddView();
            rig.TickAll();
            link.EngineEnd.FailSends = new System.IO.IOException("broken pipe");
            link.Contents.Send("n", 1);
            rig.Pump(() => link.Contents.IsDestroyed, "the view to go away");
            Assert.That(link.Contents.DestroyReason, Is.EqualTo("transport failed: broken pipe"));
        }

        [TestCase(WebSocketCloseStatus.NormalClosure, "", "the page closed or reloaded (WebSocket close 1000)")]
        [TestCase(WebSocketCloseStatus.EndpointUnavailable, "", "the page closed or reloaded (WebSocket close 1001)")]
        [TestCase(WebSocketCloseStatus.NormalClosure, "replaced", "the page closed or reloaded (WebSocket close 1000 replaced)")]
        [TestCase(WebSocketCloseStatus.ProtocolError, "bad", "the page closed the WebSocket (1002 bad)")]
        [TestCase(WebSocketCloseStatus.InternalServerError, null, "the page closed the WebSocket (1011)")]
        public void APagesCloseFrame_NormalOrGoingAway_IsAReloadOrClose_AnyOtherCodeIsKept(WebSocketCloseStatus status, string description, string reason)
        {
            Assert.That(WebSocketFrameTransport.ClosedByPage(status, description), Is.EqualTo(reason));
        }
    
        [Test]
        public void ASocketThePageDroppedIsAReloadOrClose_AnyOtherErrorIsAFailure()
        {
            const string gone = "the page closed or reloaded (its WebSocket ended without a close frame)";
            Assert.That(WebSocketFrameTransport.Ended(new WebSocketException(WebSocketError.ConnectionClosedPrematurely)), Is.EqualTo(gone));
            Assert.That(WebSocketFrameTransport.Ended(new System.IO.IOException("write failed",
                new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionReset))), Is.EqualTo(gone));
            Assert.That(WebSocketFrameTransport.Ended(new WebSocketException(WebSocketError.InvalidMessageType, "bad frame")),
                Is.EqualTo("WebSocket failed: bad frame"));
            Assert.That(WebSocketFrameTransport.Ended(new InvalidOperationException("boom")), Is.EqualTo("WebSocket failed: boom"));
        }
    }
}
