using System.Collections.Generic;
using NUnit.Framework;

namespace FrameIpc.Tests.Api
{
    public class ListenerTests
    {
        [Test]
        public void OnReceivesEveryMessageWithSenderAndArguments()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            var got = new List<string>();
            rig.Main.On("greet", e => got.Add($"{e.Sender.Id}:{e.SenderId}:{e.Arg<string>(0)}:{e.Arg<int>(1)}:{e.ArgCount}"));

            view.Send("greet", "hi", 7);
            view.Send("greet", "again", 8);
            rig.Pump(() => got.Count == 2);

            Assert.That(got, Is.EqualTo(new[] { $"{contents.Id}:{contents.Id}:hi:7:2", $"{contents.Id}:{contents.Id}:again:8:2" }));
        }

        [Test]
        public void OnceRunsOnlyOnceAndIsRemovedBeforeItRuns()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            int calls = 0, countSeenInside = -1;
            rig.Main.Once("ping", e => { calls++; countSeenInside = rig.Main.ListenerCount("ping"); });

            view.Send("ping");
            view.Send("ping");
            rig.TickAll();
            rig.TickAll();

            Assert.That(calls, Is.EqualTo(1));
            Assert.That(countSeenInside, Is.EqualTo(0));
        }

        [Test]
        public void OffRemoveListenerDisposeAndRemoveAllListenersStopDelivery()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            var got = new List<string>();
            System.Action<IpcEvent> a = e => got.Add("a");
            System.Action<IpcEvent> b = e => got.Add("b");
            rig.Main.On("x", a);
            rig.Main.On("x", b);
            var c = rig.Main.On("x", e => got.Add("c"));
            rig.Main.On("y", e => got.Add("y"));
            Assert.That(rig.Main.ListenerCount("x"), Is.EqualTo(3));

            Assert.That(rig.Main.Off("x", a), Is.True);
            Assert.That(rig.Main.RemoveListener("x", a), Is.False, "already removed");
            c.Dispose();
            c.Dispose();
            view.Send("x");
            view.Send("y");
            rig.Pump(() => got.Count == 2);
            Assert.That(got, Is.EqualTo(new[] { "b", "y" }));

            rig.Main.RemoveAllListeners("x");
            Assert.That(rig.Main.ListenerCount("x"), Is.EqualTo(0));
            Assert.That(rig.Main.ListenerCount("y"), Is.EqualTo(1));
            rig.Main.RemoveAllListeners();
            Assert.That(rig.Main.ListenerCount("y"), Is.EqualTo(0));
            view.Send("x");
            view.Send("y");
            rig.TickAll();
            rig.TickAll();
            Assert.That(got.Count, Is.EqualTo(2));
        }

        [Test]
        public void TypedListenerGetsTheFirstArgumentDecoded()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            Vector3 got = default;
            rig.Main.On<Vector3>("pos", (e, v) => got = v);
            view.Send("pos", new Vector3 { X = 1.5f, Y = -2, Z = 3 });
            rig.Pump(() => got.Z == 3);
            Assert.That(got.X, Is.EqualTo(1.5f));
            Assert.That(got.Y, Is.EqualTo(-2f));
        }

        [Test]
        public void AListenerThatThrowsDoesNotStopTheOthersOrTheTick()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            var got = new List<string>();
            rig.Main.On("x", e => throw new System.InvalidOperationException("boom"));
            rig.Main.On("x", e => got.Add(e.Arg<string>(0)));

            view.Send("x", "one");
            view.Send("x", "two");
            rig.Pump(() => got.Count == 2);

            Assert.That(got, Is.EqualTo(new[] { "one", "two" }));
            Assert.That(rig.Diagnostics.FindAll(d => d.Kind == IpcDiagnosticKind.ListenerError).Count, Is.EqualTo(2));
            Assert.That(rig.Diagnostics.Find(d => d.Kind == IpcDiagnosticKind.ListenerError).Message, Does.Contain("boom"));
        }

        [Test]
        public void ListenersAddedOrRemovedDuringDispatchAreSafe()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            var got = new List<string>();
            System.IDisposable second = null;
            rig.Main.On("x", e => { got.Add("first"); second?.Dispose(); rig.Main.On("x", _ => got.Add("added")); });
            second = rig.Main.On("x", e => got.Add("second"));

            view.Send("x");
            rig.Pump(() => got.Count >= 2);
            Assert.That(got, Is.EqualTo(new[] { "first", "second" }), "the snapshot taken at dispatch runs to the end");
        }

        [Test]
        public void TheEngineSendsToTheViewAndTheViewSeesSenderIdZero()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            var got = new List<string>();
            view.On("hud:health", e => got.Add($"{e.SenderId}:{e.Arg<int>(0)}/{e.Arg<int>(1)}"));
            contents.Send("hud:health", 87, 100);
            rig.Pump(() => got.Count == 1);
            Assert.That(got[0], Is.EqualTo("0:87/100"));
        }

        [Test]
        public void ReplyGoesBackToTheSender()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            string reply = null;
            rig.Main.On("ping", e => e.Reply("pong", e.Arg<string>(0) + "!"));
            view.On("pong", e => reply = e.Arg<string>(0));
            view.Send("ping", "hey");
            rig.Pump(() => reply != null);
            Assert.That(reply, Is.EqualTo("hey!"));
        }

        [Test]
        public void ArgumentsReadAsRawJsonAndMissingOnesGiveAClearError()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            string raw = null, all = null, missing = null, wrong = null;
            rig.Main.On("x", e =>
            {
                raw = e.ArgJson(1);
                all = e.ArgsJson;
                try { e.Arg<int>(5); } catch (IpcException ex) { missing = ex.Message; }
                try { e.Arg<int>(0); } catch (IpcException ex) { wrong = ex.Message; }
            });
            view.SendMany("x", "text", new { a = 1, b = new[] { true, false } });
            rig.Pump(() => raw != null);
            Assert.That(raw, Is.EqualTo("{\"a\":1,\"b\":[true,false]}"));
            Assert.That(all, Is.EqualTo("[\"text\",{\"a\":1,\"b\":[true,false]}]"));
            Assert.That(missing, Is.EqualTo("'x' has no argument 5 (it carries 2)"));
            Assert.That(wrong, Is.EqualTo("arg 0 of 'x': expected int, got string \"text\""));
        }

        public struct Vector3
        {
            public float X;
            public float Y;
            public float Z;
        }
    }
}
