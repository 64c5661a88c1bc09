using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using NUnit.Framework;

namespace FrameIpc.Tests.Protocol
{
    /// <summary>
    /// Bytes and dates as the wire's tagged values (protocol.md, "Tagged values") over the in-memory transport, both
    /// directions, up to 3 MiB with the limits raised; and the escape that keeps an ordinary object from reading as a tag.
    /// </summary>
    public class TaggedValueTests
    {
        private const int ThreeMiB = 3 << 20;

        // 3 MiB of bytes is 4 Mi characters of base64, plus the envelope around it.
        private static IpcOptions LargeLimits() => new IpcOptions
        {
            TickTimeBudget = TimeSpan.FromSeconds(30),
            MaxFrameChars = 8 << 20,
            MaxHeldChars = 8 << 20,
            MaxQueuedChars = 32L << 20,
        };

        private static byte[] Pattern(int length)
        {
            var bytes = new byte[length];
            for (int i = 0; i < length; i++) bytes[i] = (byte)(i * 31 + (i >> 8));
            return bytes;
        }

        [TestCase(0)]
        [TestCase(1)]
        [TestCase(5)]
        [TestCase(ThreeMiB)]
        public void Bytes_RoundTripBothWays(int length)
        {
            using var rig = new IpcRig(LargeLimits());
            var (contents, view) = rig.AddView();
            var sent = Pattern(length);
            rig.Main.Handle("echo:bytes", e => e.Arg<byte[]>(0));
            view.Handle("echo:memory", e => e.Arg<ReadOnlyMemory<byte>>(0));

            Assert.That(rig.Await(view.InvokeAsync<byte[], byte[]>("echo:bytes", sent)), Is.EqualTo(sent));
            var back = rig.Await(contents.InvokeAsync<ReadOnlyMemory<byte>, ReadOnlyMemory<byte>>("echo:memory", new ReadOnlyMemory<byte>(sent)));
            Assert.That(back.ToArray(), Is.EqualTo(sent));
        }

        [Test]
        public void AnObjectGraphHoldingBytesAndDates_RoundTripsBothWays_At3MiB()
        {
            using var rig = new IpcRig(LargeLimits());
            var (contents, view) = rig.AddView();
            var sent = new Snapshot
            {
                Name = "save",
                Data = Pattern(ThreeMiB),
                Parts = new List<byte[]> { new byte[] { 1, 2 }, Array.Empty<byte>() },
                At = new DateTimeOffset(2026, 12, 3, 21, 0, 0, 123, TimeSpan.Zero),
                Stamp = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(6789),
            };
            rig.Main.Handle("echo:snapshot", e => e.Arg<Snapshot>(0));
            view.Handle("echo:snapshot", e => e.Arg<Snapshot>(0));

            AssertSame(rig.Await(view.InvokeAsync<Snapshot, Snapshot>("echo:snapshot", sent)), sent);
            AssertSame(rig.Await(contents.InvokeAsync<Snapshot, Snapshot>("echo:snapshot", sent)), sent);
        }

        private static void AssertSame(Snapshot got, Snapshot sent)
        {
            Assert.That(got.Name, Is.EqualTo(sent.Name));
            Assert.That(got.Data, Is.EqualTo(sent.Data));
            Assert.That(got.Parts, Is.EqualTo(sent.Parts));
            Assert.That(got.At, Is.EqualTo(sent.At));
            Assert.That(got.Stamp, Is.EqualTo(sent.Stamp));
            Assert.That(got.Stamp.Kind, Is.EqualTo(DateTimeKind.Utc));
        }

        [Test]
        public void TheEngine_WritesBytesAndDates_AsTaggedValues()
        {
            using var rig = new IpcRig();
            var raw = new RawView(rig.Main);
            rig.TickAll();

            raw.Contents.Send("tagged", System.Text.Encoding.UTF8.GetBytes("hello"), new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc));
            rig.TickAll();

            Assert.That(raw.AllReceived, Does.Contain("\"a\":[{\"$ipc\":\"bytes\",\"b64\":\"aGVsbG8=\"},{\"$ipc\":\"date\",\"v\":\"2026-01-02T03:04:05.678Z\"}]"));
        }

        [Test]
        public void WhatAPageSends_ReadsAsBytesAndDates()
        {
            using var rig = new IpcRig();
            var got = new List<string>();
            rig.Main.On("page", e =>
            {
                got.Add(Convert.ToBase64String(e.Arg<byte[]>(0)));
                got.Add(e.Arg<ReadOnlyMemory<byte>>(1).Length.ToString());
                got.Add(e.Arg<DateTime>(2).ToString("o"));
                got.Add(e.Arg<DateTimeOffset>(2).ToString("o"));
                got.Add(e.Arg<DateTime?>(3) == null ? "null" : "not null");
            });
            var raw = new RawView(rig.Main);
            raw.Send("{\"k\":\"send\",\"ch\":\"page\",\"a\":[{\"$ipc\":\"bytes\",\"b64\":\"aGVsbG8=\"}," +
                "{\"$ipc\":\"bytes\",\"type\":\"Float32Array\",\"b64\":\"AADAPw==\"},{\"$ipc\":\"date\",\"v\":\"1970-01-01T00:00:01.500Z\"},null]}");
            rig.TickAll();

            Assert.That(got, Is.EqualTo(new[] { "aGVsbG8=", "4", "1970-01-01T00:00:01.5000000Z", "1970-01-01T00:00:01.5000000+00:00", "null" }));
        }

        [Test]
        public void AnOrdinaryObjectThatLooksLikeATag_IsEscaped_AndSurvives()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            var raw = new RawView(rig.Main);
            rig.TickAll();
            var lookalike = new Dictionary<string, string> { ["$ipc"] = "bytes", ["b64"] = "AA==", ["$$ipc"] = "two", ["x$ipc"] = "plain" };

            raw.Contents.Send("lookalike", lookalike, new Tagless { Tag = "date", V = "not a date" });
            rig.TickAll();
            Assert.That(raw.AllReceived, Does.Contain("[{\"$$ipc\":\"bytes\",\"b64\":\"AA==\",\"$$$ipc\":\"two\",\"x$ipc\":\"plain\"},{\"$$ipc\":\"date\",\"v\":\"not a date\"}]"));

            view.Handle("echo:dictionary", e => e.Arg<Dictionary<string, string>>(0));
            Assert.That(rig.Await(contents.InvokeAsync<Dictionary<string, string>, Dictionary<string, string>>("echo:dictionary", lookalike)), Is.EqualTo(lookalike));
            rig.Main.Handle("echo:token", e => e.Arg<Newtonsoft.Json.Linq.JToken>(0));
            var token = rig.Await(view.InvokeAsync<Dictionary<string, string>, Dictionary<string, string>>("echo:token", lookalike));
            Assert.That(token, Is.EqualTo(lookalike));

            view.Handle("echo:tagless", e => e.Arg<Tagless>(0));
            var back = rig.Await(contents.InvokeAsync<Tagless, Tagless>("echo:tagless", new Tagless { Tag = "bytes", V = "AA==" }));
            Assert.That(back.Tag, Is.EqualTo("bytes"));
            Assert.That(back.V, Is.EqualTo("AA=="));
        }

        [Test]
        public void ATaggedValueOfAnotherKind_IsAClearError()
        {
            using var rig = new IpcRig();
            string error = null;
            rig.Main.On("wrong", e =>
            {
                try { e.Arg<byte[]>(0); }
                catch (Exception ex) { error = ex.Message; }
            });
            var raw = new RawView(rig.Main);
            raw.Send("{\"k\":\"send\",\"ch\":\"wrong\",\"a\":[{\"$ipc\":\"date\",\"v\":\"1970-01-01T00:00:00Z\"}]}");
            rig.TickAll();

            Assert.That(error, Does.Contain("Cannot read a tagged value of kind 'date' as Byte[]"));
        }

        [Test]
        public void NotBase64_IsAClearError()
        {
            using var rig = new IpcRig();
            string error = null;
            rig.Main.On("bad", e =>
            {
                try { e.Arg<byte[]>(0); }
                catch (Exception ex) { error = ex.Message; }
            });
            var raw = new RawView(rig.Main);
            raw.Send("{\"k\":\"send\",\"ch\":\"bad\",\"a\":[{\"$ipc\":\"bytes\",\"b64\":\"%%%\"}]}");
            rig.TickAll();

            Assert.That(error, Does.Contain("Cannot read a string that is not base64 as Byte[]"));
        }

        public sealed class Snapshot
        {
            public string Name { get; set; }
            public byte[] Data { get; set; }
            public List<byte[]> Parts { get; set; }
            public DateTimeOffset At { get; set; }
            public DateTime Stamp { get; set; }
        }

        public sealed class Tagless
        {
            [JsonProperty("$ipc")] public string Tag { get; set; }
            [JsonProperty("v")] public string V { get; set; }
        }
    }
}
