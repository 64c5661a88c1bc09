using System;
using NUnit.Framework;

namespace FrameIpc.Tests.Protocol
{
    /// <summary>
    /// The validating pass records each envelope's arguments; reading the envelope with that record gives what reading
    /// it from scratch gives, and the pass refuses exactly what a plain validating skip of the frame refuses.
    /// </summary>
    public class EnvelopeIndexTests
    {
        private const int Depth = 6;

        [TestCase("{\"k\":\"send\",\"ch\":\"c\",\"a\":[{\"hp\":1,\"n\":\"x\"},2]}")]
        [TestCase("{\"k\":\"send\",\"ch\":\"c\",\"a\":[]}")]
        [TestCase("{ \"a\" : [ 1 , [ 2 ] ] , \"k\" : \"send\" , \"ch\" : \"c\" }")]
        [TestCase("{\"k\":\"send\",\"ch\":\"c\",\"a\":[1],\"a\":[\"two\",3]}")]
        [TestCase("{\"k\":\"send\",\"ch\":\"c\",\"\\u0061\":[5],\"a\":[6]}")]
        [TestCase("{\"k\":\"batch\",\"m\":[{\"k\":\"send\",\"ch\":\"c\",\"a\":[1,2]},{\"k\":\"send\",\"ch\":\"d\"},{\"k\":\"send\",\"ch\":\"e\",\"a\":[ {\"x\":[]} ]}]}")]
        [TestCase("{\"m\":[{\"k\":\"send\",\"ch\":\"c\",\"a\":[7]}],\"k\":\"batch\"}")]
        public void ReadingWithTheRecordedArgumentsGivesWhatReadingFromScratchGives(string frame)
        {
            var buffer = frame.ToCharArray();
            var bounds = new int[2];
            EnvelopeReader.Validate(buffer, buffer.Length, Depth, out bool batch, ref bounds, out int count);
            int envelopes = batch ? count : 1;
            for (int i = 0; i < envelopes; i++)
            {
                int at = EnvelopeReader.Stride * i;
                var known = new JsonRange(bounds[at + 2], bounds[at + 3], bounds[at + 4]);
                var fresh = new Envelope();
                var indexed = new Envelope();
                EnvelopeReader.Read(buffer, bounds[at], bounds[at + 1], Depth, 256, new ChannelNames(), fresh);
                EnvelopeReader.Read(buffer, bounds[at], bounds[at + 1], Depth, 256, new ChannelNames(), indexed, known);
                Assert.That(indexed.Args.Start, Is.EqualTo(fresh.Args.Start), frame);
                Assert.That(indexed.Args.Length, Is.EqualTo(fresh.Args.Length), frame);
                Assert.That(indexed.Args.FirstEnd, Is.EqualTo(fresh.Args.FirstEnd), frame);
                Assert.That(indexed.Channel, Is.EqualTo(fresh.Channel), frame);
            }
        }

        [TestCase("{\"k\":\"batch\",\"m\":[{\"k\":\"send\",\"a\":[1,]}]}")]
        [TestCase("{\"k\":\"batch\",\"m\":[{\"k\":\"send\",\"a\":[\"tab\there\"]}]}")]
        [TestCase("{\"k\":\"batch\",\"m\":[{\"k\":\"send\",\"a\":[[[[1]]]]}]}")]         // over the depth limit (6) by one
        [TestCase("{\"k\":\"batch\",\"m\":[{\"k\":\"send\",\"a\":[{\"x\":[[1]]}]}]}")]  // over it inside an object
        [TestCase("{\"k\":\"batch\",\"m\":[{\"k\":\"send\",\"a\":[1}]}")]
        [TestCase("{\"k\":\"batch\",\"m\":[{\"k\":\"send\",\"a\":[1] \"x\":2}]}")]
        [TestCase("{\"k\":\"batch\",\"m\":[{\"k\":\"send\",\"a\" [1]}]}")]
        [TestCase("{\"k\":\"send\",\"a\":[01]}")]
        [TestCase("{\"k\":\"send\",\"a\":[[[[[[1]]]]]]}")]
        public void MalformedArgumentsAreRefusedWithTheErrorAPlainSkipGives(string frame)
        {
            var expected = Assert.Throws<IpcException>(() => new JsonScanner(frame.AsSpan(), Depth).SkipValue());
            var buffer = frame.ToCharArray();
            var bounds = new int[2];
            var actual = Assert.Throws<IpcException>(() => EnvelopeReader.Validate(buffer, buffer.Length, Depth, out _, ref bounds, out _));
            Assert.That(actual.Message, Is.EqualTo(expected.Message));
            Assert.That(actual.Name, Is.EqualTo(expected.Name));
        }

        [TestCase("{\"k\":\"batch\",\"m\":[{\"k\":\"send\",\"a\":[[[1]]]}]}")]           // at the depth limit (6)
        [TestCase("{\"k\":\"batch\",\"m\":[{\"k\":\"send\",\"a\":[{\"x\":[1]}]}]}")]
        [TestCase("{\"k\":\"send\",\"a\":[[[[[1]]]]]}")]
        public void ArgumentsAtTheDepthLimitPass(string frame)
        {
            Assert.That(() => new JsonScanner(frame.AsSpan(), Depth).SkipValue(), Throws.Nothing);
            var buffer = frame.ToCharArray();
            var bounds = new int[2];
            Assert.That(() => EnvelopeReader.Validate(buffer, buffer.Length, Depth, out _, ref bounds, out _), Throws.Nothing);
        }

        [Test]
        public void ChannelNamesGiveTheRegisteredNameForRunsAndAlternationsAndKeepNoOther()
        {
            var names = new ChannelNames();
            string a = new string("hud:a".ToCharArray()), b = new string("hud:b".ToCharArray());
            names.Add(a);
            names.Add(b);
            foreach (var wire in new[] { "hud:a", "hud:a", "hud:b", "hud:a", "hud:b", "hud:b" })
                Assert.That(names.Get(wire.AsSpan()), Is.SameAs(wire == "hud:a" ? a : b), wire);
            var unknown = names.Get("hud:c".AsSpan()); // after a hit: a new string, equal, and not kept
            Assert.That(unknown, Is.EqualTo("hud:c"));
            Assert.That(names.Get("hud:c".AsSpan()), Is.Not.SameAs(unknown));
            Assert.That(names.Count, Is.EqualTo(2));
            Assert.That(names.Get("hud:b".AsSpan()), Is.SameAs(b));
        }
    }
}
