using System;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Api
{
    /// <summary>
    /// Electron's <c>sendSync</c> with nobody listening: no throw, the warning "WebContents #&lt;id&gt; called
    /// ipcRenderer.sendSync() with '&lt;channel&gt;' channel without listeners.", and no value for the caller.
    /// </summary>
    public class SendSyncWithoutListenersTests
    {
        [Test]
        public void WithNoListener_TheCallerGetsNoValueAtOnce_AndTheEngineWarnsInElectronsWords()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            var number = Task.Run(() => view.SendSync<int>("nobody", TimeSpan.FromSeconds(60)));
            rig.Pump(() => number.IsCompleted, "the sync call with no listener");
            var text = Task.Run(() => view.SendSync<string, string>("nobody:text", "arg", TimeSpan.FromSeconds(60)));
            rig.Pump(() => text.IsCompleted, "the second sync call with no listener");

            Assert.That(number.Result, Is.EqualTo(0));
            Assert.That(text.Result, Is.Null);
            var warnings = rig.Diagnostics.FindAll(d => d.Message.Contains("without listeners"));
            Assert.That(warnings.Count, Is.EqualTo(2));
            Assert.That(warnings[0].Message, Is.EqualTo($"WebContents #{contents.Id} called ipcRenderer.sendSync() with 'nobody' channel without listeners."));
            Assert.That(warnings[0].Kind, Is.EqualTo(IpcDiagnosticKind.Undeliverable));
            Assert.That(warnings[0].Channel, Is.EqualTo("nobody"));
            Assert.That(warnings[0].ViewId, Is.EqualTo(contents.Id));
        }

        [Test]
        public void WithAListener_TheCallerGetsItsReturnValue_AndNoWarning()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            contents.Ipc.On("scoped:ask", e => e.ReturnValue = e.Arg<int>(0) + 1);
            rig.Main.On("ask", e => e.ReturnValue = new[] { e.Arg<string>(0), "pong" });

            var scoped = Task.Run(() => view.SendSync<int, int>("scoped:ask", 41));
            rig.Pump(() => scoped.IsCompleted, "the scoped sync call");
            var global = Task.Run(() => view.SendSync<string, string[]>("ask", "ping"));
            rig.Pump(() => global.IsCompleted, "the sync call");

            Assert.That(scoped.Result, Is.EqualTo(42));
            Assert.That(global.Result, Is.EqualTo(new[] { "ping", "pong" }));
            Assert.That(rig.Diagnostics.Exists(d => d.Message.Contains("without listeners")), Is.False);
        }

        [Test]
        public void AListenerThatComesLater_IsHeardByTheNextCall()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            var before = Task.Run(() => view.SendSync<string>("late"));
            rig.Pump(() => before.IsCompleted, "the call before the listener");
            rig.Main.On("late", e => e.ReturnValue = "here");
            var after = Task.Run(() => view.SendSync<string>("late"));
            rig.Pump(() => after.IsCompleted, "the call after the listener");

            Assert.That(before.Result, Is.Null);
            Assert.That(after.Result, Is.EqualTo("here"));
        }
    }
}
