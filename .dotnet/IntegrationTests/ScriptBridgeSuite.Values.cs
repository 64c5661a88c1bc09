using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    /// <summary>
    /// The page client's decoding of tagged values (protocol.md), on a client of its own in Chromium: every bytes type
    /// comes back as the type it names, and a malformed tagged value is a ProtocolError, never a silently altered value.
    /// </summary>
    public sealed partial class ScriptBridgeSuite
    {
        [Test]
        public async Task TaggedValues_DecodeToTheirNamedTypes_AndMalformedOnesAreProtocolErrors()
        {
            await LoadAsync();

            string result = await Js<string>(@"async () => {
                const posted = [], got = [];
                const ipc = FrameIpc.create({ batching: 'microtask' }).init({ host: { post: f => posted.push(f) } });
                ipc.receive('{""k"":""ready"",""v"":1,""view"":9}');
                ipc.on('t', (e, ...args) => got.push(args.map(a => Object.prototype.toString.call(a) + ':' +
                    (a instanceof Date ? a.toISOString() : a instanceof ArrayBuffer ? new Uint8Array(a).join('.') :
                     ArrayBuffer.isView(a) ? new Uint8Array(a.buffer, a.byteOffset, a.byteLength).join('.') : JSON.stringify(a))).join(' ')));
                ipc.receive('{""k"":""send"",""ch"":""t"",""a"":[{""$ipc"":""bytes"",""b64"":""AQI=""},{""$ipc"":""bytes"",""type"":""Float32Array"",""b64"":""AADAPw==""},' +
                    '{""$ipc"":""bytes"",""type"":""DataView"",""b64"":""Bw==""},{""$ipc"":""bytes"",""type"":""ArrayBuffer"",""b64"":""""},' +
                    '{""$ipc"":""date"",""v"":""2026-01-02T03:04:05.678Z""},{""$$ipc"":""date"",""v"":1}]}');
                for (const bad of ['{""$ipc"":""nope""}', '{""$ipc"":""bytes"",""b64"":""%%""}', '{""$ipc"":""date"",""v"":""yesterday""}',
                                   '{""$ipc"":""bytes"",""type"":""Function"",""b64"":""""}', '{""$ipc"":""bytes"",""type"":""Float64Array"",""b64"":""AQI=""}'])
                    ipc.receive('{""k"":""send"",""ch"":""t"",""a"":[' + bad + ']}');
                await new Promise(r => setTimeout(r, 0));
                const notices = posted.slice(1).flatMap(f => { const v = JSON.parse(f); return v.k === 'batch' ? v.m : [v]; })
                    .filter(m => m.k === 'error').map(m => m.e.name + ': ' + m.e.message);
                return JSON.stringify({ got, notices });
            }");
            await TakePageErrorsAsync(5);

            using var json = System.Text.Json.JsonDocument.Parse(result);
            var got = json.RootElement.GetProperty("got");
            Assert.That(got.GetArrayLength(), Is.EqualTo(1), "only the well-formed message reached the listener");
            Assert.That(got[0].GetString(), Is.EqualTo("[object Uint8Array]:1.2 [object Float32Array]:0.0.192.63 [object DataView]:7 " +
                "[object ArrayBuffer]: [object Date]:2026-01-02T03:04:05.678Z [object Object]:{\"$ipc\":\"date\",\"v\":1}"));
            var notices = json.RootElement.GetProperty("notices");
            Assert.That(notices.GetArrayLength(), Is.EqualTo(5));
            Assert.That(notices[0].GetString(), Does.Contain("ProtocolError: Malformed frame: unknown tagged value kind \"nope\""));
            Assert.That(notices[1].GetString(), Does.StartWith("ProtocolError: Malformed frame: "));
            Assert.That(notices[2].GetString(), Does.Contain("a date needs an ISO-8601 string v"));
            Assert.That(notices[3].GetString(), Does.Contain("unknown bytes type \"Function\""));
            Assert.That(notices[4].GetString(), Does.Contain("2 bytes do not make a Float64Array"));
        }
    }
}
