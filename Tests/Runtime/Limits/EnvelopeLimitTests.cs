using System;
using System.Collections.Generic;
using NUnit.Framework;

namespace FrameIpc.Tests.Limits
{
    /// <summary>
    /// One message that cannot fit in any frame the peer takes fails at its sender, with a clear error, and takes
    /// nothing else down with it; an invoke's caller is always answered. Limits at, just under and just over.
    /// </summary>
    public class EnvelopeLimitTests
    {
        private const int Frame = 4096;
        private const int Envelope = Frame - FrameWriter.BatchOverhead;
        private const string SendPrefix = "{\"k\":\"send\",\"ch\":\"c\",\"a\":[\"";
        private const string SendSuffix = "\"]}";

        private static IpcRig Rig() => new IpcRig(new IpcOptions { MaxFrameChars = Frame, TickTimeBudget = TimeSpan.FromSeconds(30) });

        /// <summary>A string argument that makes the send envelope on channel "c" exactly <paramref name="envelope"/> characters.</summary>
        private static string PayloadFor(int envelope) => new string('p', envelope - SendPrefix.Length - SendSuffix.Length);

        [TestCase(Envelope - 1)]
        [TestCase(Envelope)]
        public void ASendThatFitsInAFrameIsDelivered(int envelope)
        {
            using var rig = Rig();
            var (contents, renderer) = rig.AddView();
            string got = null;
            renderer.On("c", e => got = e.Arg<string>(0));
            contents.Send("c", PayloadFor(envelope));
            rig.Pump(() => got != null, "the send");
            Assert.That(got.Length, Is.EqualTo(PayloadFor(envelope).Length));
            Assert.That(rig.ViewDiagnostics, Is.Empty);
        }

        [Test]
        public void ASendOneCharacterOverTheLimitThrowsAtTheSenderAndTheRestOfTheTickStillLeaves()
        {
            using var rig = Rig();
            var (contents, renderer) = rig.AddView();
            var got = new List<string>();
            renderer.On("c", e => got.Add(e.Arg<string>(0)));
            contents.Send("c", "before");
            var ex = Assert.Throws<IpcException>(() => contents.Send("c", PayloadFor(Envelope + 1)));
            Assert.That(ex.Name, Is.EqualTo(IpcErrorNames.Limit));
            Assert.That(ex.Code, Is.EqualTo(IpcErrorCodes.Limit));
            Assert.That(ex.Message, Does.Contain("Cannot send on 'c'").And.Contain((Envelope + 1) + " characters"));
            contents.Send("c", "after");
            rig.Pump(() => got.Count == 2, "the other sends");
            Assert.That(got, Is.EqualTo(new[] { "before", "after" }));
        }

        [Test]
        public void AnInvokeWhoseArgumentsCannotFitIsRejectedAtOnce()
        {
            using var rig = Rig();
            var (_, renderer) = rig.AddView();
            rig.Main.Handle("echo", e => e.Arg<string>(0));
            var ex = Assert.Throws<IpcException>(() => renderer.InvokeAsync<string, string>("echo", new string('x', Frame)));
            Assert.That(ex.Name, Is.EqualTo(IpcErrorNames.Limit));
            Assert.That(renderer.Connection.PendingInvokes, Is.EqualTo(0), "nothing is left waiting");
            Assert.That(rig.Await(renderer.InvokeAsync<string, string>("echo", "small")), Is.EqualTo("small"));
        }

        [Test]
        public void AResultTooLongForAFrameAnswersTheCallerWithALimitError()
        {
            using var rig = Rig();
            var (_, renderer) = rig.AddView();
            rig.Main.Handle("big", e => new string('r', Frame));
            var failure = rig.AwaitFailure(renderer.InvokeAsync<string>("big"));
            Assert.That(failure, Is.InstanceOf<IpcException>());
            Assert.That(((IpcException)failure).Name, Is.EqualTo(IpcErrorNames.Limit));
            Assert.That(failure.Message, Does.Contain("over the limit"));
        }

        [Test]
        public void AnAsyncResultTooLongForAFrameAnswersTheCallerWithALimitError()
        {
            using var rig = Rig();
            var (_, renderer) = rig.AddView();
            rig.Main.Handle("big", async (e, ct) => { await System.Threading.Tasks.Task.Yield(); return new string('r', Frame); });
            var failure = rig.AwaitFailure(renderer.InvokeAsync<string>("big"));
            Assert.That(((IpcException)failure).Name, Is.EqualTo(IpcErrorNames.Limit));
        }

        [Test]
        public void AHandlerErrorWithAHugeMessageStillReachesTheCallerShortened()
        {
            using var rig = Rig();
            var (_, renderer) = rig.AddView();
            rig.Main.Handle<int>("boom", e => throw new InvalidOperationException(new string('m', 3 * Frame)));
            var failure = rig.AwaitFailure(renderer.InvokeAsync<int>("boom"));
            Assert.That(failure.Message, Does.Contain("did not fit in a frame"));
        }

        [Test]
        public void HeldSendsAreBoundedExactlyByMaxHeldChars()
        {
            const string channel = "c";
            string envelope = SendPrefix + "held" + SendSuffix;
            int batchOpen = "{\"k\":\"batch\",\"m\":[".Length;
            // Exactly one envelope fits; the second would pass the bound by its comma and itself.
            var options = new IpcOptions { MaxHeldChars = batchOpen + envelope.Length, TickTimeBudget = TimeSpan.FromSeconds(30) };
            using var rig = new IpcRig(options);
            var (contents, renderer) = rig.AddView(connect: false);
            var got = new List<string>();
            renderer.On(channel, e => got.Add(e.Arg<string>(0)));
            contents.Send(channel, "held");
            var ex = Assert.Throws<IpcException>(() => contents.Send(channel, "held"));
            Assert.That(ex.Name, Is.EqualTo(IpcErrorNames.Limit));
            renderer.Connect();
            rig.Pump(() => renderer.IsReady && got.Count == 1, "the held send");
            rig.TickAll();
            Assert.That(got, Is.EqualTo(new[] { "held" }), "the refused send was not held");
        }

        [Test]
        public void OneCharacterUnderTheHoldBoundRefusesTheFirstSend()
        {
            string envelope = SendPrefix + "held" + SendSuffix;
            int batchOpen = "{\"k\":\"batch\",\"m\":[".Length;
            using var rig = new IpcRig(new IpcOptions { MaxHeldChars = batchOpen + envelope.Length - 1 });
            var (contents, _) = rig.AddView(connect: false);
            Assert.Throws<IpcException>(() => contents.Send("c", "held"));
        }
    }
}
