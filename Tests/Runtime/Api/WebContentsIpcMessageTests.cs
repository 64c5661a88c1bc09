using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Api
{
    /// <summary>Electron's per-view events: <c>ipc-message</c> and <c>ipc-message-sync</c>, raised before the listeners.</summary>
    public class WebContentsIpcMessageTests
    {
        [Test]
        public void IpcMessageIsRaisedBeforeTheScopedAndGlobalListeners()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            var order = new List<string>();
            rig.Main.On("hit", e => order.Add("ipcMain:" + e.Arg<int>(0)));
            contents.Ipc.On("hit", e => order.Add("scoped:" + e.Arg<int>(0)));
            contents.IpcMessage += (e, channel) => order.Add($"ipc-message:{channel}:{e.Arg<int>(0)}:{e.SenderId}");

            view.Send("hit", 3);
            rig.Pump(() => order.Count == 3);

            Assert.That(order, Is.EqualTo(new[] { $"ipc-message:hit:3:{contents.Id}", "scoped:3", "ipcMain:3" }));
        }

        [Test]
        public void IpcMessageFiresForAChannelWithNoListener_AndOnlyForItsOwnView()
        {
            using var rig = new IpcRig();
            var (first, firstView) = rig.AddView();
            var (second, _) = rig.AddView();
            var seen = new List<string>();
            first.IpcMessage += (e, channel) => seen.Add("first:" + channel + ":" + e.ArgsJson);
            second.IpcMessage += (e, channel) => seen.Add("second:" + channel);

            firstView.Send("nobody:listens", "a", 1);
            rig.Pump(() => seen.Count == 1);
            rig.TickAll();

            Assert.That(seen, Is.EqualTo(new[] { "first:nobody:listens:[\"a\",1]" }));
        }

        [Test]
        public void IpcMessageSyncIsRaisedBeforeTheListeners_AndSendsDoNotRaiseIt()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            var order = new List<string>();
            contents.IpcMessage += (e, channel) => order.Add("ipc-message:" + channel);
            contents.IpcMessageSync += (e, channel) => order.Add("ipc-message-sync:" + channel);
            contents.Ipc.On("ask", e => order.Add("scoped"));
            rig.Main.On("ask", e => { order.Add("ipcMain"); e.ReturnValue = 7; });

            var call = Task.Run(() => view.SendSync<int>("ask"));
            rig.Pump(() => call.IsCompleted, "the sync call");
            view.Send("tell");
            rig.Pump(() => order.Count == 4);

            Assert.That(call.Result, Is.EqualTo(7));
            Assert.That(order, Is.EqualTo(new[] { "ipc-message-sync:ask", "scoped", "ipcMain", "ipc-message:tell" }));
        }

        [Test]
        public void IpcMessageSyncAloneCanAnswer_AndCountsAsAListener()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            contents.IpcMessageSync += (e, channel) => e.ReturnValue = channel + ":" + e.Arg<string>(0);

            var call = Task.Run(() => view.SendSync<string, string>("nobody:else", "x"));
            rig.Pump(() => call.IsCompleted, "the sync call");

            Assert.That(call.Result, Is.EqualTo("nobody:else:x"));
            Assert.That(rig.Diagnostics.Exists(d => d.Message.Contains("without listeners")), Is.False);
        }

        [Test]
        public void AThrowingIpcMessageHandlerIsReported_AndTheListenersStillRun()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            int heard = 0;
            contents.IpcMessage += (e, channel) => throw new InvalidOperationException("boom");
            rig.Main.On("x", e => heard++);

            view.Send("x");
            rig.Pump(() => heard == 1);

            var d = rig.Diagnostics.Find(x => x.Kind == IpcDiagnosticKind.ListenerError);
            Assert.That(d, Is.Not.Null);
            Assert.That(d.Message, Is.EqualTo("a WebContents.IpcMessage handler threw: boom"));
            Assert.That(d.Channel, Is.EqualTo("x"));
        }
    }
}
