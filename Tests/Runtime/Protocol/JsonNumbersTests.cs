using System;
using System.Globalization;
using NUnit.Framework;

namespace FrameIpc.Tests.Protocol
{
    /// <summary>The number fast paths give exactly what the framework's parsers give, or leave the number to them.</summary>
    public class JsonNumbersTests
    {
        [TestCase("0")]
        [TestCase("-0")]
        [TestCase("-0.0")]
        [TestCase("12.5")]
        [TestCase("-3.25")]
        [TestCase("0.1")]
        [TestCase("0.3")]
        [TestCase("2.675")]
        [TestCase("123456789012345")]
        [TestCase("12345678901234.5")]
        [TestCase("0.00000000000001")]
        [TestCase("900719925474.991")]
        public void ADecimalOfAtMost15DigitsIsTheDoubleParseGives(string text)
        {
            Assert.That(JsonNumbers.TryParseDouble(text.AsSpan(), out double fast), Is.True);
            Assert.That(BitConverter.DoubleToInt64Bits(fast), Is.EqualTo(BitConverter.DoubleToInt64Bits(Parse(text))), text);
        }

        [Test]
        public void RandomDecimalsAgreeWithDoubleParseToTheBit()
        {
            var random = new Random(12);
            for (int n = 0; n < 20000; n++)
            {
                int digits = random.Next(1, 16);
                var chars = new char[digits];
                for (int i = 0; i < digits; i++) chars[i] = (char)('0' + random.Next(10));
                if (digits > 1 && chars[0] == '0') chars[0] = '1';
                string text = new string(chars);
                int dot = random.Next(0, digits); // 0: no point
                if (dot > 0) text = text.Substring(0, dot) + "." + text.Substring(dot);
                if (random.Next(2) == 0) text = "-" + text;
                Assert.That(JsonNumbers.TryParseDouble(text.AsSpan(), out double fast), Is.True, text);
                Assert.That(BitConverter.DoubleToInt64Bits(fast), Is.EqualTo(BitConverter.DoubleToInt64Bits(Parse(text))), text);
            }
        }

        [TestCase("1e5")]
        [TestCase("1.5E-3")]
        [TestCase("1234567890123456")]   // 16 digits: past the exact range
        [TestCase("0.0000000000000001")] // 17 digits counting the zeros
        [TestCase("1.")]
        [TestCase(".5")]
        [TestCase("-")]
        [TestCase("")]
        [TestCase("1.2.3")]
        [TestCase("--1")]
        public void AnythingElseIsLeftToDoubleParse(string text)
        {
            Assert.That(JsonNumbers.TryParseDouble(text.AsSpan(), out _), Is.False);
        }

        [TestCase("0", 0L)]
        [TestCase("-87", -87L)]
        [TestCase("999999999999999999", 999999999999999999L)]
        public void IntegersOfAtMost18DigitsAreParsedDirectly(string text, long expected)
        {
            Assert.That(JsonNumbers.TryParseInt64(text.AsSpan(), out long v), Is.True);
            Assert.That(v, Is.EqualTo(expected));
        }

        [TestCase("1000000000000000000")] // 19 digits
        [TestCase("1.0")]
        [TestCase("-")]
        [TestCase("")]
        public void OtherIntegersAreLeftToLongTryParse(string text)
        {
            Assert.That(JsonNumbers.TryParseInt64(text.AsSpan(), out _), Is.False);
        }

        [Test]
        public void ThePrimitiveDoubleReaderTakesTheFastPathAndTheSlowOneAlike()
        {
            foreach (var text in new[] { "12.5", "-3.25", "1e300", "-0", "0.1" })
            {
                var s = new JsonScanner(text.AsSpan(), 8);
                Assert.That(BitConverter.DoubleToInt64Bits(s.ReadDouble()), Is.EqualTo(BitConverter.DoubleToInt64Bits(Parse(text))), text);
            }
        }

        private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
