using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Api
{
    /// <summary>
    /// A view's subframes, driven with raw wire frames as the top page's client writes them: attach, navigate and
    /// detach; <c>fr</c> routing both ways; SenderFrame, Reply and Sender.Send; frame-scoped handlers ahead of the view's
    /// and ipcMain's; invoke ids of two frames that are equal; and every pending invoke of a frame that goes rejected.
    /// </summary>
    public class FrameTests
    {
        internal const string Attach2 = "{\"k\":\"frame\",\"fr\":2,\"op\":\"attach\",\"parent\":0,\"origin\":\"http://app.test\",\"url\":\"http://app.test/shop.html\"}";

        internal static RawView ViewWithFrame(IpcRig rig, string attach = Attach2)
        {
            var raw = new RawView(rig.Main);
            rig.Main.Tick();
            raw.Send(attach);
            rig.Main.Tick();
            raw.Received.Clear();
            return raw;
        }

        [Test]
        public void AnAttachedFrameIsFoundByIdWithItsOriginUrlParentAndView()
        {
            using var rig = new IpcRig();
            var raw = new RawView(rig.Main);
            var created = new List<WebFrameMain>();
            raw.Contents.FrameCreated += f => created.Add(f);
            rig.Main.Tick();

            raw.Send(Attach2);
            rig.Main.Tick();

            var frame = raw.Contents.FindFrame(2);
            Assert.That(frame, Is.Not.Null);
            Assert.That(created, Is.EqualTo(new[] { frame }));
            Assert.That(frame.Id, Is.EqualTo(2));
            Assert.That(frame.Origin, Is.EqualTo("http://app.test"));
            Assert.That(frame.Url, Is.EqualTo("http://app.test/shop.html"));
            Assert.That(frame.Parent, Is.SameAs(raw.Contents.MainFrame));
            Assert.That(frame.Top, Is.SameAs(raw.Contents.MainFrame));
            Assert.That(frame.WebContents, Is.SameAs(raw.Contents));
            Assert.That(frame.IsMainFrame, Is.False);
            Assert.That(raw.Contents.MainFrame.Id, Is.EqualTo(0));
            Assert.That(raw.Contents.FindFrame(0), Is.SameAs(raw.Contents.MainFrame));
            Assert.That(raw.Contents.AllFrames, Has.Count.EqualTo(2));
            raw.Close();
        }

        [Test]
        public void AFramesSendNamesItsSenderFrame_ReplyGoesToThatFrame_AndSenderSendToTheMainFrame()
        {
            using var rig = new IpcRig();
            var raw = ViewWithFrame(rig);
            var seen = new List<string>();
            rig.Main.On<string>("hud:hello", (e, text) =>
            {
                seen.Add($"{e.SenderFrame.Id}:{e.SenderFrame.Url}:{e.SenderId}:{text}");
                e.Reply("hud:back", "to the frame");
                e.Sender.Send("hud:main", "to the main frame");
            });

            raw.Send("{\"k\":\"send\",\"ch\":\"hud:hello\",\"a\":[\"hi\"],\"fr\":2}");
            raw.Send("{\"k\":\"send\",\"ch\":\"hud:hello\",\"a\":[\"top\"]}");
            rig.Main.Tick();

            Assert.That(seen, Is.EqualTo(new[] { "2:http://app.test/shop.html:" + raw.Contents.Id + ":hi", "0::" + raw.Contents.Id + ":top" }));
            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"send\",\"ch\":\"hud:back\",\"fr\":2,\"a\":[\"to the frame\"]}"));
            Assert.That(raw.Count("{\"k\":\"send\",\"ch\":\"hud:main\",\"a\":[\"to the main frame\"]}"), Is.EqualTo(2));
            Assert.That(raw.Count("{\"k\":\"send\",\"ch\":\"hud:back\",\"a\":[\"to the frame\"]}"), Is.EqualTo(1), "the top page's reply has no fr");
            raw.Close();
        }

        [Test]
        public void AFrameScopedHandlerTakesPrecedenceOverTheViewsAndIpcMains_ForThatFrameOnly()
        {
            using var rig = new IpcRig();
            var raw = ViewWithFrame(rig);
            rig.Main.Handle("who", e => "main");
            raw.Contents.Ipc.Handle("who", e => "view");
            raw.Contents.FindFrame(2).Ipc.Handle("who", e => "frame " + e.SenderFrame.Id);
            var heard = new List<string>();
            raw.Contents.FindFrame(2).Ipc.On("ping", e => heard.Add("frame " + e.SenderFrame.Id));

            raw.Send("{\"k\":\"invoke\",\"id\":1,\"ch\":\"who\",\"fr\":2}");
            raw.Send("{\"k\":\"invoke\",\"id\":2,\"ch\":\"who\"}");
            raw.Send("{\"k\":\"send\",\"ch\":\"ping\",\"fr\":2}");
            raw.Send("{\"k\":\"send\",\"ch\":\"ping\"}");
            rig.Main.Tick();

            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"result\",\"id\":1,\"fr\":2,\"r\":\"frame 2\"}"));
            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"result\",\"id\":2,\"r\":\"view\"}"));
            Assert.That(heard, Is.EqualTo(new[] { "frame 2" }), "the frame's listener hears its frame only");

            raw.Contents.FindFrame(2).Ipc.RemoveHandler("who");
            raw.Contents.Ipc.RemoveHandler("who");
            raw.Received.Clear();
            raw.Send("{\"k\":\"invoke\",\"id\":3,\"ch\":\"who\",\"fr\":2}");
            rig.Main.Tick();
            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"result\",\"id\":3,\"fr\":2,\"r\":\"main\"}"));
            raw.Close();
        }

        [Test]
        public void TwoFramesMayUseTheSameInvokeId_EachGetsItsOwnResult_AndACancelReachesOnlyItsOwn()
        {
            using var rig = new IpcRig();
            var raw = ViewWithFrame(rig);
            var tokens = new List<CancellationToken>();
            var done = new List<TaskCompletionSource<string>>();
            rig.Main.Handle<string>("slow", (e, token) =>
            {
                tokens.Add(token);
                var tcs = new TaskCompletionSource<string>();
                done.Add(tcs);
                return tcs.Task;
            });

            raw.Send("{\"k\":\"invoke\",\"id\":1,\"ch\":\"slow\"}");
            raw.Send("{\"k\":\"invoke\",\"id\":1,\"ch\":\"slow\",\"fr\":2}");
            rig.Main.Tick();
            Assert.That(raw.AllReceived, Does.Not.Contain("Duplicate invoke id"));
            Assert.That(raw.Contents.Connection.RunningHandlers, Is.EqualTo(2));

            raw.Send("{\"k\":\"cancel\",\"id\":1,\"fr\":2}");
            rig.Main.Tick();
            Assert.That(tokens[0].IsCancellationRequested, Is.False, "the main frame's invoke 1 runs on");
            Assert.That(tokens[1].IsCancellationRequested, Is.True);

            done[0].SetResult("top");
            rig.Main.Tick();
            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"result\",\"id\":1,\"r\":\"top\"}"));
            raw.Close();
        }

        [Test]
        public void SendToFrameAndAFramesInvokeCarryItsId_AndOnlyThatFramesResultAnswers()
        {
            using var rig = new IpcRig();
            var raw = ViewWithFrame(rig);
            raw.Send(Attach2.Replace("\"fr\":2", "\"fr\":3"));
            rig.Main.Tick();
            raw.Received.Clear();

            raw.Contents.SendToFrame(2, "shop:open", 5);
            var call = raw.Contents.FindFrame(2).InvokeAsync<string>("shop:title").AsTask();
            rig.Main.Tick();
            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"send\",\"ch\":\"shop:open\",\"fr\":2,\"a\":[5]}"));
            Assert.That(raw.AllReceived, Does.Contain("\"ch\":\"shop:title\",\"fr\":2"));

            raw.Send("{\"k\":\"result\",\"id\":1,\"r\":\"from frame 3\",\"fr\":3}");
            rig.Main.Tick();
            Assert.That(call.IsCompleted, Is.False, "another frame cannot answer frame 2's invoke");
            Assert.That(rig.Diagnostics.Exists(d => d.Kind == IpcDiagnosticKind.UnknownInvokeId), Is.True);

            raw.Send("{\"k\":\"result\",\"id\":1,\"r\":\"Shop\",\"fr\":2}");
            rig.Main.Tick();
            Assert.That(call.Result, Is.EqualTo("Shop"));
            raw.Close();
        }

        [Test]
        public void SendToFrameOfAFrameNotAttachedThrowsViewGone()
        {
            using var rig = new IpcRig();
            var raw = ViewWithFrame(rig);

            var ex = Assert.Throws<IpcException>(() => raw.Contents.SendToFrame(9, "x"));
            Assert.That(ex.Name, Is.EqualTo(IpcErrorNames.ViewGone));
            Assert.That(ex.Message, Does.Contain("no frame 9 is attached to view " + raw.Contents.Id));
            raw.Close();
        }

        [TestCase("{\"k\":\"frame\",\"fr\":2,\"op\":\"navigate\"}", "navigated", TestName = "Navigating frame rejects its pending invokes both ways")]
        [TestCase("{\"k\":\"frame\",\"fr\":2,\"op\":\"detach\"}", "was removed", TestName = "Removed frame rejects its pending invokes both ways")]
        public void AFrameThatNavigatesOrIsRemovedRejectsItsPendingInvokesBothWays(string lifecycle, string why)
        {
            using var rig = new IpcRig();
            var raw = ViewWithFrame(rig);
            CancellationToken handlerToken = default;
            var handlerDone = new TaskCompletionSource<int>();
            rig.Main.Handle<int>("slow", (e, token) => { handlerToken = token; return handlerDone.Task; });
            var frame = raw.Contents.FindFrame(2);
            var toFrame = frame.InvokeAsync<string>("shop:title").AsTask();
            var toMain = raw.Contents.InvokeAsync<string>("hud:title").AsTask();
            raw.Send("{\"k\":\"invoke\",\"id\":1,\"ch\":\"slow\",\"fr\":2}");
            rig.Main.Tick();

            raw.Send(lifecycle);
            rig.Main.Tick();

            Assert.That(toFrame.IsFaulted, Is.True);
            var ex = (IpcException)toFrame.Exception.InnerException;
            Assert.That(ex.Name, Is.EqualTo(IpcErrorNames.ViewGone));
            Assert.That(ex.Message, Does.Contain($"frame 2 of view {raw.Contents.Id} {why}"));
            Assert.That(handlerToken.IsCancellationRequested, Is.True, "the frame's running handler is abandoned");
            Assert.That(toMain.IsCompleted, Is.False, "the main frame's invoke waits on");
            raw.Received.Clear();
            handlerDone.SetResult(1);
            rig.Main.Tick();
            Assert.That(raw.AllReceived, Does.Not.Contain("\"k\":\"result\""), "an abandoned handler's result is never sent");
            raw.Send("{\"k\":\"result\",\"id\":2,\"r\":\"HUD\"}");
            rig.Main.Tick();
            Assert.That(toMain.Result, Is.EqualTo("HUD"));
            raw.Close();
        }

        [Test]
        public void ANavigatedFrameKeepsItsIdAndReportsItsNewDocument()
        {
            using var rig = new IpcRig();
            var raw = ViewWithFrame(rig);
            var navigated = new List<string>();
            raw.Contents.FrameNavigated += f => navigated.Add(f.Id + " " + f.Origin + " " + f.Url);
            var frame = raw.Contents.FindFrame(2);

            raw.Send("{\"k\":\"frame\",\"fr\":2,\"op\":\"navigate\"}");
            rig.Main.Tick();
            Assert.That(frame.Url, Is.Null, "between documents");
            raw.Send("{\"k\":\"frame\",\"fr\":2,\"op\":\"navigate\",\"origin\":\"http://app.test\",\"url\":\"http://app.test/cart.html\"}");
            rig.Main.Tick();

            Assert.That(raw.Contents.FindFrame(2), Is.SameAs(frame));
            Assert.That(navigated, Is.EqualTo(new[] { "2 http://app.test http://app.test/cart.html" }));
            Assert.That(frame.Detached, Is.False);
            raw.Close();
        }

        [Test]
        public void ARemovedFrameIsDetachedWithItsChildren_AndSendingToItThrows()
        {
            using var rig = new IpcRig();
            var raw = ViewWithFrame(rig);
            raw.Send("{\"k\":\"frame\",\"fr\":3,\"op\":\"attach\",\"parent\":2,\"origin\":\"http://app.test\",\"url\":\"http://app.test/ad.html\"}");
            rig.Main.Tick();
            var parent = raw.Contents.FindFrame(2);
            var child = raw.Contents.FindFrame(3);
            Assert.That(child.Parent, Is.SameAs(parent));
            var detached = new List<int>();
            raw.Contents.FrameDetached += f => detached.Add(f.Id);

            raw.Send("{\"k\":\"frame\",\"fr\":2,\"op\":\"detach\"}");
            rig.Main.Tick();

            Assert.That(detached, Is.EqualTo(new[] { 3, 2 }));
            Assert.That(raw.Contents.FindFrame(2), Is.Null);
            Assert.That(raw.Contents.FindFrame(3), Is.Null);
            Assert.That(parent.Detached && child.Detached, Is.True);
            var ex = Assert.Throws<IpcException>(() => parent.Send("x"));
            Assert.That(ex.Name, Is.EqualTo(IpcErrorNames.ViewGone));
            raw.Close();
        }

        [Test]
        public void AViewThatReloadsLosesItsFrames()
        {
            using var rig = new IpcRig();
            var raw = ViewWithFrame(rig);
            var frame = raw.Contents.FindFrame(2);

            raw.Send("{\"k\":\"hello\",\"v\":1}");
            rig.Main.Tick();

            Assert.That(raw.Contents.FindFrame(2), Is.Null);
            Assert.That(frame.Detached, Is.True);
            Assert.That(raw.Contents.AllFrames, Has.Count.EqualTo(1));
            raw.Close();
        }
    }
}
