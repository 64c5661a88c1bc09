using System;
using NUnit.Framework;

namespace FrameIpc.Tests.Protocol
{
    public class JsonScannerTests
    {
        [TestCase("0")]
        [TestCase("-12.5e+3")]
        [TestCase("\"a\\u00e9\\n\\\"\"")]
        [TestCase("true")]
        [TestCase("null")]
        [TestCase(" [ 1 , {\"a\" : [ ] , \"b\" : { } } , \"x\" ] ")]
        public void ValidValuesAreSkippedWhole(string json)
        {
            var s = new JsonScanner(json.AsSpan(), 64);
            s.SkipValue();
            Assert.That(s.AtEnd, Is.True);
        }

        [TestCase("01")]
        [TestCase("1.")]
        [TestCase("-")]
        [TestCase("1e")]
        [TestCase("\"unterminated")]
        [TestCase("\"bad \\x escape\"")]
        [TestCase("\"short \\u12\"")]
        [TestCase("\"tab\there\"")]
        [TestCase("[1,]")]
        [TestCase("{\"a\"}")]
        [TestCase("{\"a\":1,}")]
        [TestCase("{a:1}")]
        [TestCase("tru")]
        [TestCase("nul")]
        [TestCase("[")]
        [TestCase("")]
        public void InvalidValuesAreRefusedWithAProtocolError(string json)
        {
            var ex = Assert.Throws<IpcException>(() =>
            {
                var s = new JsonScanner(json.AsSpan(), 64);
                s.SkipValue();
                if (!s.AtEnd) throw IpcException.Protocol("trailing");
            });
            Assert.That(ex.Name, Is.EqualTo(IpcErrorNames.Protocol));
        }

        [Test]
        public void NestingPastTheLimitIsALimitError()
        {
            string ok = new string('[', 8) + new string(']', 8);
            string deep = new string('[', 9) + new string(']', 9);
            Assert.That(() => new JsonScanner(ok.AsSpan(), 8).SkipValue(), Throws.Nothing);
            var ex = Assert.Throws<IpcException>(() => new JsonScanner(deep.AsSpan(), 8).SkipValue());
            Assert.That(ex.Name, Is.EqualTo(IpcErrorNames.Limit));
        }

        [Test]
        public void PrimitivesAreReadWithoutNewtonsoft()
        {
            Assert.That(new JsonScanner("-9007199254740993".AsSpan(), 8).ReadInt64(), Is.EqualTo(-9007199254740993L));
            Assert.That(new JsonScanner(" 2.5e-1".AsSpan(), 8).ReadDouble(), Is.EqualTo(0.25));
            Assert.That(new JsonScanner("false".AsSpan(), 8).ReadBoolean(), Is.False);
            Assert.That(new JsonScanner("null".AsSpan(), 8).TryReadNull(), Is.True);
            var raw = new JsonScanner("\"a\\\"b\"".AsSpan(), 8).ReadRawString(out bool escaped).ToString();
            Assert.That(raw, Is.EqualTo("a\\\"b"));
            Assert.That(escaped, Is.True);
            Assert.Throws<IpcException>(() => new JsonScanner("12.5".AsSpan(), 8).ReadInt64());
        }

        // The skip used after validation must end where the validating one does, and find the same first element.
        [TestCase("0", 0)]
        [TestCase("-12.5e+3", 0)]
        [TestCase("\"a\\\"]\\\\\"", 0)]
        [TestCase("true", 0)]
        [TestCase("{\"a\":[1,2],\"b\":\"]}\"}", 0)]
        [TestCase("[]", 0)]
        [TestCase("[ ]", 0)]
        [TestCase("[7]", 2)]
        [TestCase("[ 7 ]", 3)]
        [TestCase("[{\"a\":[1,2]},\"x\"]", 12)]
        [TestCase("[ \"a,]\\\"\" , 2]", 9)]
        [TestCase("[[1,[2]],3]", 8)]
        public void TheValidatedSkipEndsWhereTheValidatingOneDoes(string json, int firstEnd)
        {
            var validating = new JsonScanner((json + ",").AsSpan(), 64);
            validating.SkipValue();
            var fast = new JsonScanner((json + ",").AsSpan(), 64);
            int start = fast.SkipValidatedValue(out int first);
            Assert.That(start, Is.EqualTo(0));
            Assert.That(fast.Position, Is.EqualTo(validating.Position));
            Assert.That(first, Is.EqualTo(firstEnd));
            if (firstEnd > 0)
            {
                var element = new JsonScanner(json.AsSpan(), 64, 1);
                element.SkipValue();
                Assert.That(element.Position, Is.EqualTo(firstEnd), "the first element, skipped by the validating scanner");
            }
        }
    }
}
