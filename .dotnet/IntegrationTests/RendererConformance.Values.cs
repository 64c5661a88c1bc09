using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    /// <summary>
    /// Tagged values (protocol.md) between Chromium and the engine, both ways, up to 3 MiB with the limits raised:
    /// Uint8Array / ArrayBuffer / DataView ↔ byte[] / ReadOnlyMemory&lt;byte&gt;, Date ↔ DateTime / DateTimeOffset,
    /// and an ordinary object that looks like a tag.
    /// </summary>
    public abstract partial class RendererConformance
    {
        private const int ThreeMiB = 3 << 20;

        // The same pattern on both sides: byte i is (i * 31 + (i >> 8)) mod 256.
        private const string PagePattern = "n => { const b = new Uint8Array(n); for (let i = 0; i < n; i++) b[i] = (i * 31 + (i >> 8)) & 255; return b; }";

        private static byte[] Pattern(int length)
        {
            var bytes = new byte[length];
            for (int i = 0; i < length; i++) bytes[i] = (byte)(i * 31 + (i >> 8));
            return bytes;
        }

        private static bool IsPattern(byte[] bytes, int length)
        {
            if (bytes == null || bytes.Length != length) return false;
            for (int i = 0; i < length; i++) if (bytes[i] != (byte)(i * 31 + (i >> 8))) return false;
            return true;
        }

        [Test]
        [Property("LargeLimits", 1)]
        public async Task TaggedBytes_RoundTripBothWays_At3MiB()
        {
            var seen = new ConcurrentQueue<bool>();
            await Engine.Run(() => Main.Handle("echo:bytes", e =>
            {
                var bytes = e.Arg<byte[]>(0);
                seen.Enqueue(IsPattern(bytes, ThreeMiB) && e.Arg<ReadOnlyMemory<byte>>(0).Length == ThreeMiB);
                return bytes;
            }));
            await UseLargePageLimitsAsync();
            await LoadAsync();

            Assert.That(await Js<string>("async () => { const pattern = " + PagePattern + "; const sent = pattern(" + ThreeMiB + ");" +
                " const back = await ipcRenderer.invoke('echo:bytes', sent);" +
                " if (!(back instanceof Uint8Array)) return 'not a Uint8Array: ' + Object.prototype.toString.call(back);" +
                " if (back.length !== sent.length) return 'length ' + back.length;" +
                " for (let i = 0; i < sent.length; i++) if (back[i] !== sent[i]) return 'differs at ' + i; return 'same'; }"), Is.EqualTo("same"));
            Assert.That(seen, Is.EqualTo(new[] { true }));

            await Js("() => ipcRenderer.handle('page:echo', (e, bytes) => { window.echoed = Object.prototype.toString.call(bytes) + ':' + bytes.length; return bytes; })");
            var sentBack = Pattern(ThreeMiB);
            var result = await Engine.Call(() => View.InvokeAsync<ReadOnlyMemory<byte>, byte[]>("page:echo", sentBack));
            Assert.That(IsPattern(result, ThreeMiB), Is.True);
            Assert.That(await Js<string>("() => window.echoed"), Is.EqualTo("[object Uint8Array]:" + ThreeMiB));
        }

        [Test]
        [Property("LargeLimits", 1)]
        public async Task TaggedObjects_WithBytesAndDates_RoundTripBothWays_At3MiB()
        {
            var seen = new ConcurrentQueue<string>();
            await Engine.Run(() => Main.Handle("echo:snapshot", e =>
            {
                var s = e.Arg<Snapshot>(0);
                seen.Enqueue(s.Name + " " + IsPattern(s.Data, ThreeMiB) + " " + s.At.ToString("o") + " " + s.Stamp.ToString("o") + " " +
                    string.Join(",", s.Parts.ConvertAll(p => Convert.ToBase64String(p))));
                return s;
            }));
            await UseLargePageLimitsAsync();
            await LoadAsync();

            string pageSide = await Js<string>("async () => { const pattern = " + PagePattern + ";" +
                " const at = new Date(Date.UTC(2026, 11, 3, 21, 0, 0, 123));" +
                " const parts = [new Float32Array([1.5]), new Uint8Array([1, 2]).buffer, new DataView(new Uint8Array([7]).buffer)];" +
                " const back = await ipcRenderer.invoke('echo:snapshot', { name: 'save', data: pattern(" + ThreeMiB + "), parts, at, stamp: at });" +
                " const data = back.data; let same = data instanceof Uint8Array && data.length === " + ThreeMiB + ";" +
                " const expected = pattern(" + ThreeMiB + "); for (let i = 0; same && i < data.length; i++) same = data[i] === expected[i];" +
                " return [back.name, same, back.at instanceof Date && back.at.getTime() === at.getTime(), back.stamp instanceof Date," +
                " back.parts.map(p => Object.prototype.toString.call(p) + ':' + Array.from(p).join('.')).join(' ')].join('|'); }");
            Assert.That(seen, Is.EqualTo(new[] { "save True 2026-12-03T21:00:00.1230000+00:00 2026-12-03T21:00:00.1230000Z AADAPw==,AQI=,Bw==" }));
            Assert.That(pageSide, Is.EqualTo("save|true|true|true|[object Uint8Array]:0.0.192.63 [object Uint8Array]:1.2 [object Uint8Array]:7"));

            await Js("() => ipcRenderer.handle('page:snapshot', (e, s) => { window.snapshot = [Object.prototype.toString.call(s.data), s.data.length, s.at.toISOString(), s.stamp.toISOString()].join('|'); return s; })");
            var sent = new Snapshot
            {
                Name = "load",
                Data = Pattern(ThreeMiB),
                Parts = new List<byte[]> { new byte[] { 9 } },
                At = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(2)),
                Stamp = new DateTime(2026, 1, 2, 3, 4, 5, 6, DateTimeKind.Utc),
            };
            var back = await Engine.Call(() => View.InvokeAsync<Snapshot, Snapshot>("page:snapshot", sent));
            Assert.That(await Js<string>("() => window.snapshot"), Is.EqualTo("[object Uint8Array]|" + ThreeMiB + "|2026-01-02T01:04:05.678Z|2026-01-02T03:04:05.006Z"));
            Assert.That(back.Name, Is.EqualTo("load"));
            Assert.That(IsPattern(back.Data, ThreeMiB), Is.True);
            Assert.That(back.Parts, Is.EqualTo(sent.Parts));
            Assert.That(back.At, Is.EqualTo(sent.At));
            Assert.That(back.Stamp, Is.EqualTo(sent.Stamp));
        }

        [Test]
        public async Task TaggedValues_AnOrdinaryObjectThatLooksLikeATag_Survives_BothWays()
        {
            var seen = new ConcurrentQueue<string>();
            await Engine.Run(() =>
            {
                Main.Handle("echo:token", e => e.Arg<JToken>(0));
                Main.On("lookalike", e => seen.Enqueue(string.Join(",", e.Arg<Dictionary<string, string>>(0).Keys)));
            });
            await LoadAsync();

            string back = await Js<string>("async () => { const o = { $ipc: 'bytes', b64: 'AA==', $$ipc: 'date', v: 'x', x$ipc: 'y' };" +
                " ipcRenderer.send('lookalike', o); const r = await ipcRenderer.invoke('echo:token', [o, { $ipc: 'date' }]);" +
                " return JSON.stringify(r); }");
            Assert.That(back, Is.EqualTo("[{\"$ipc\":\"bytes\",\"b64\":\"AA==\",\"$$ipc\":\"date\",\"v\":\"x\",\"x$ipc\":\"y\"},{\"$ipc\":\"date\"}]"));
            await Until(() => seen.Count == 1, "the lookalike to reach the engine");
            Assert.That(seen, Is.EqualTo(new[] { "$ipc,b64,$$ipc,v,x$ipc" }));

            await Js("() => { window.lookalikes = []; ipcRenderer.on('lookalike', (e, o) => window.lookalikes.push(JSON.stringify(o))); }");
            await Engine.Run(() => View.Send("lookalike", new Dictionary<string, string> { ["$ipc"] = "bytes", ["b64"] = "AA==" }));
            await UntilPage("() => window.lookalikes.length === 1");
            Assert.That(await Js<string[]>("() => window.lookalikes"), Is.EqualTo(new[] { "{\"$ipc\":\"bytes\",\"b64\":\"AA==\"}" }));
        }

        /// <summary>Named as a page names its members.</summary>
        public sealed class Snapshot
        {
            [JsonProperty("name")] public string Name { get; set; }
            [JsonProperty("data")] public byte[] Data { get; set; }
            [JsonProperty("parts")] public List<byte[]> Parts { get; set; }
            [JsonProperty("at")] public DateTimeOffset At { get; set; }
            [JsonProperty("stamp")] public DateTime Stamp { get; set; }
        }
    }
}
