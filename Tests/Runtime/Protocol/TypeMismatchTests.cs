using System.Collections.Generic;
using NUnit.Framework;

namespace FrameIpc.Tests.Protocol
{
    /// <summary>
    /// A value that cannot be read as the type asked for says which argument, which channel, what was expected and what
    /// came (kind and a shortened copy), on the primitive fast paths and on the Newtonsoft path alike.
    /// </summary>
    public class TypeMismatchTests
    {
        public sealed class PlayerState
        {
            public int Hp;
            public string Name;
        }

        private static string ArgError<T>(string argsJson)
        {
            using var rig = new IpcRig();
            var raw = new RawView(rig.Main);
            string message = null;
            rig.Main.On("hud:health", e =>
            {
                try { e.Arg<T>(0); message = "read"; }
                catch (IpcException ex) { message = ex.Message; }
            });
            raw.Send("{\"k\":\"send\",\"ch\":\"hud:health\",\"a\":" + argsJson + "}");
            rig.Main.Tick();
            raw.Close();
            return message;
        }

        [Test]
        public void AnIntSentAsAStringNamesBoth() =>
            Assert.That(ArgError<int>("[\"seven\"]"), Is.EqualTo("arg 0 of 'hud:health': expected int, got string \"seven\""));

        [Test]
        public void EachPrimitiveFastPathSaysTheSame()
        {
            Assert.That(ArgError<long>("[true]"), Is.EqualTo("arg 0 of 'hud:health': expected long, got boolean true"));
            Assert.That(ArgError<double>("[{\"a\":1}]"), Is.EqualTo("arg 0 of 'hud:health': expected double, got object {\"a\":1}"));
            Assert.That(ArgError<float>("[[1,2]]"), Is.EqualTo("arg 0 of 'hud:health': expected float, got array [1,2]"));
            Assert.That(ArgError<bool>("[1]"), Is.EqualTo("arg 0 of 'hud:health': expected bool, got number 1"));
            Assert.That(ArgError<string>("[12]"), Is.EqualTo("arg 0 of 'hud:health': expected string, got number 12"));
            Assert.That(ArgError<int>("[null]"), Is.EqualTo("arg 0 of 'hud:health': expected int, got null"));
        }

        [Test]
        public void ANumberOfTheRightKindButOutOfRangeKeepsTheReason() =>
            Assert.That(ArgError<int>("[3000000000]"),
                Is.EqualTo("arg 0 of 'hud:health': expected int, got number 3000000000 (3000000000 does not fit in an Int32)"));

        [Test]
        public void TheNewtonsoftPathNamesTheTypeAndTheKind()
        {
            Assert.That(ArgError<PlayerState>("[\"seven\"]"), Does.StartWith("arg 0 of 'hud:health': expected PlayerState, got string \"seven\""));
            Assert.That(ArgError<List<int>>("[{\"a\":1}]"), Does.StartWith("arg 0 of 'hud:health': expected List<int>, got object {\"a\":1}"));
            Assert.That(ArgError<int?>("[\"x\"]"), Does.StartWith("arg 0 of 'hud:health': expected int?, got string \"x\""));
            Assert.That(ArgError<int[]>("[7]"), Does.StartWith("arg 0 of 'hud:health': expected int[], got number 7"));
        }

        [Test]
        public void AMemberOfTheWrongTypeInsideAnObjectKeepsNewtonsoftsPath()
        {
            var message = ArgError<PlayerState>("[{\"hp\":\"seven\"}]");
            Assert.That(message, Does.StartWith("arg 0 of 'hud:health': expected PlayerState, got object {\"hp\":\"seven\"} ("));
            Assert.That(message, Does.Contain("hp"));
        }

        // The copy of the value is at most TypeMismatch.MaxQuotedChars (40) characters: at it, one under, one over.
        [Test]
        public void AValueOfExactlyTheQuotedLimitIsQuotedWhole()
        {
            string value = "\"" + new string('a', TypeMismatch.MaxQuotedChars - 2) + "\"";
            Assert.That(ArgError<int>("[" + value + "]"), Is.EqualTo("arg 0 of 'hud:health': expected int, got string " + value));
        }

        [Test]
        public void AValueJustUnderTheQuotedLimitIsQuotedWhole()
        {
            string value = "\"" + new string('a', TypeMismatch.MaxQuotedChars - 3) + "\"";
            Assert.That(ArgError<int>("[" + value + "]"), Is.EqualTo("arg 0 of 'hud:health': expected int, got string " + value));
        }

        [Test]
        public void AValueJustOverTheQuotedLimitIsCut()
        {
            string value = "\"" + new string('a', TypeMismatch.MaxQuotedChars - 1) + "\"";
            string expected = "arg 0 of 'hud:health': expected int, got string " + value.Substring(0, TypeMismatch.MaxQuotedChars - 1) + "…";
            Assert.That(ArgError<int>("[" + value + "]"), Is.EqualTo(expected));
        }

        [Test]
        public void AnInvokeResultOfTheWrongTypeNamesTheChannel()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            rig.Main.Handle("hp", e => new PlayerState { Hp = 1, Name = "a" });
            var ex = (IpcException)rig.AwaitFailure(view.InvokeAsync<int>("hp"));
            Assert.That(ex.Message, Is.EqualTo("the result of 'hp': expected int, got object {\"hp\":1,\"name\":\"a\"}"));
        }
    }
}
