using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using FrameIpc.Tests;
using NUnit.Framework;

namespace FrameIpc.CodecTests
{
    /// <summary>
    /// Registering a typed listener or handler initialises its type's codec (and compiles a generated one's methods)
    /// there, at scene load, rather than in the tick of the type's first message (issue 12). Each test uses types no
    /// other test touches, since a codec is initialised once per process; an untyped listener is the control that
    /// shows the check can fail.
    /// </summary>
    public class RegistrationTests
    {
        [Test]
        public void OnT_InitialisesTheCodecAtRegistration_BeforeAnyMessage()
        {
            var initialised = Watch(() =>
            {
                using var ipc = IpcHarness.Connected();
                ipc.Main.On<RegisteredOnState>("reg:on", (e, s) => { });
            });
            Assert.That(initialised, Has.Member(typeof(RegisteredOnState)));
            Assert.That(ValueCodec<RegisteredOnState>.IsPrepared, Is.True);
        }

        [Test]
        public void OnceT_AndTypedChannels_AndContracts_InitialiseAtRegistration()
        {
            var initialised = Watch(() =>
            {
                using var ipc = IpcHarness.Connected();
                ipc.Main.Once<RegisteredOnceState>("reg:once", (e, s) => { });
                ipc.Main.On(new IpcChannel<RegisteredChannelState>("reg:channel"), (e, s) => { });
                ipc.Main.Handle(new IpcInvokeChannel<RegisteredHandleArg, RegisteredHandleResult>("reg:handle"), (e, a) => new RegisteredHandleResult());
                ipc.Main.Handle(new PageInvoke<RegisteredContractArg, int>("reg:contract"),
                    (e, a, ct) => Task.FromResult(1));
            });
            Assert.That(initialised, Has.Member(typeof(RegisteredOnceState)));
            Assert.That(initialised, Has.Member(typeof(RegisteredChannelState)));
            Assert.That(initialised, Has.Member(typeof(RegisteredHandleArg)), "a handler's argument");
            Assert.That(initialised, Has.Member(typeof(RegisteredHandleResult)), "a handler's result");
            Assert.That(initialised, Has.Member(typeof(RegisteredContractArg)), "a contract handler's argument");
        }

        [Test]
        public void DeclaringAContractChannel_InitialisesItsPayloadCodecs()
        {
            var initialised = Watch(() =>
            {
                GC.KeepAlive(new EngineToPage<DeclaredSendState>("decl:send").Name);
                GC.KeepAlive(new PageToEngine<DeclaredListenState>("decl:listen").Name);
                GC.KeepAlive(new EngineInvoke<DeclaredEngineArg, DeclaredEngineResult>("decl:engine").Name);
                GC.KeepAlive(new PageInvoke<IpcVoid, DeclaredPageResult>("decl:page").Name);
            });
            foreach (var type in new[] { typeof(DeclaredSendState), typeof(DeclaredListenState), typeof(DeclaredEngineArg), typeof(DeclaredEngineResult), typeof(DeclaredPageResult) })
                Assert.That(initialised, Has.Member(type));
            Assert.That(ValueCodec<DeclaredSendState>.IsPrepared, Is.True);
            Assert.That(ValueCodec<IpcVoid>.IsPrepared, Is.False, "no codec for IpcVoid: it never crosses");
        }

        [Test]
        public void AnUntypedListener_LeavesTheCodecToTheFirstMessage()
        {
            var initialised = Watch(() =>
            {
                using var ipc = IpcHarness.Connected();
                RegisteredLateState got = null;
                ipc.Main.On("reg:late", e => got = e.Arg<RegisteredLateState>(0));
                Assert.That(ValueCodec<RegisteredLateState>.IsPrepared, Is.False);
                ipc.View.Send("reg:late", new RegisteredLateState { Hp = 5 });
                ipc.TickAll();
                Assert.That(got?.Hp, Is.EqualTo(5));
            });
            Assert.That(initialised, Has.Member(typeof(RegisteredLateState)), "initialised by its first message instead");
            Assert.That(ValueCodec<RegisteredLateState>.IsPrepared, Is.False);
        }

        [Test]
        public void APreparedGeneratedType_StillRoundTrips()
        {
            using var ipc = IpcHarness.Connected();
            RegisteredRoundTrip got = null;
            ipc.Main.On<RegisteredRoundTrip>("reg:trip", (e, s) => got = s);
            Assert.That(ValueCodec<RegisteredRoundTrip>.IsPrepared, Is.True);
            ipc.View.Send("reg:trip", new RegisteredRoundTrip { Hp = 87, Name = "ada" });
            ipc.TickAll();
            Assert.That(got?.Hp, Is.EqualTo(87));
            Assert.That(got?.Name, Is.EqualTo("ada"));
        }

        private static List<Type> Watch(Action action)
        {
            var seen = new List<Type>();
            IpcCodecs.Initialised = type => { lock (seen) seen.Add(type); };
            try
            {
                action();
            }
            finally
            {
                IpcCodecs.Initialised = null;
            }
            return seen;
        }
    }

    [IpcMessage] public sealed class RegisteredOnState { public int Hp { get; set; } }
    [IpcMessage] public sealed class RegisteredOnceState { public int Hp { get; set; } }
    [IpcMessage] public sealed class RegisteredChannelState { public int Hp { get; set; } }
    [IpcMessage] public sealed class RegisteredHandleArg { public int Hp { get; set; } }
    [IpcMessage] public sealed class RegisteredHandleResult { public int Hp { get; set; } }
    [IpcMessage] public sealed class RegisteredContractArg { public int Hp { get; set; } }
    [IpcMessage] public sealed class RegisteredLateState { public int Hp { get; set; } }
    [IpcMessage] public sealed class DeclaredSendState { public int Hp { get; set; } }
    [IpcMessage] public sealed class DeclaredListenState { public int Hp { get; set; } }
    [IpcMessage] public sealed class DeclaredEngineArg { public int Hp { get; set; } }
    [IpcMessage] public sealed class DeclaredEngineResult { public int Hp { get; set; } }
    [IpcMessage] public sealed class DeclaredPageResult { public int Hp { get; set; } }
    [IpcMessage] public sealed class RegisteredRoundTrip { public int Hp { get; set; } public string Name { get; set; } }
}
