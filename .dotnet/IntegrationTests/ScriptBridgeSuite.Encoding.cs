using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    /// <summary>
    /// The page client's encoding of what it sends (protocol.md, "Tagged values"), on a client of its own in Chromium.
    /// A plain value is written by JSON.stringify alone, without the replacer: the text must be exactly the replacer's,
    /// and every value that is not plain (wherever it is nested) must still be converted or refused as before.
    /// </summary>
    public sealed partial class ScriptBridgeSuite
    {
        // A client on a host bridge that records what it posts; send(value) resolves to the frame or the error thrown.
        private const string EncodingClient = @"
            const posted = [];
            const ipc = FrameIpc.create({ batching: 'microtask' }).init({ host: { post: f => posted.push(f) } });
            ipc.receive('{""k"":""ready"",""v"":1,""view"":9}');
            const send = async value => {
                const before = posted.length;
                try { ipc.send('t', value); } catch (err) { return '!! ' + err.name + ': ' + err.message.split('\n')[0]; }
                await new Promise(r => setTimeout(r, 0));
                return posted.slice(before).join(' ');
            };";

        [Test]
        public async Task PlainValues_AreSentAsJsonStringifyWritesThem_AtEveryDepthAndSize()
        {
            await LoadAsync();

            string[] result = await Js<string[]>(@"async () => {" + EncodingClient + @"
                const deep = {}; let d = deep; for (let i = 0; i < 70; i++) { d.n = { i }; d = d.n; }  // past the walk's depth of 64
                const many = Array.from({ length: 70000 }, (_, i) => ({ i }));                      // past its budget of 65,536 objects
                const nullProto = Object.assign(Object.create(null), { a: 1, b: [2] });
                const args = (function () { return arguments; })(1, 'two');
                const values = [0, -0, 1.5e300, NaN, -Infinity, 'quote ""\\ \u2028 \ud800 é', true, null, undefined, [], {},
                    { hp: 87, maxHp: 100, ammo: 30, x: 12.5, y: -3.25, alive: true, name: 'Ranger Seven of the North' },
                    [1, [2, [3, { four: [5] }]]], { a: undefined, b: [undefined, , 3] }, nullProto, args, { x$ipc: 1, 'ipc$': 2 },
                    deep, many];
                const out = [];
                for (const v of values) {
                    const expected = JSON.stringify({ k: 'send', ch: 't', a: [v] });
                    const got = await send(v);
                    out.push(got === expected ? 'same' : 'differs: ' + got.slice(0, 200) + ' | ' + expected.slice(0, 200));
                }
                return out;
            }");

            Assert.That(result, Has.Length.EqualTo(19));
            Assert.That(result, Is.All.EqualTo("same"));
        }

        [Test]
        public async Task KeysAtTheTagsEscape_AreEscaped_WhereverTheObjectIsNested()
        {
            await LoadAsync();

            string[] result = await Js<string[]>(@"async () => {" + EncodingClient + @"
                return [
                    await send({ $: 1, $i: 2, $ipc: 3, $$ipc: 4, $$$ipc: 5, $ipcx: 6, x$ipc: 7 }),
                    await send({ outer: [{ ok: 1 }, { $ipc: 'bytes', b64: 'AA==' }] }),
                    await send([[{ $$ipc: 'date' }]]),
                    await send({ $ipcx: 'not the tag' }),
                ];
            }");

            Assert.That(result, Is.EqualTo(new[]
            {
                "{\"k\":\"send\",\"ch\":\"t\",\"a\":[{\"$\":1,\"$i\":2,\"$$ipc\":3,\"$$$ipc\":4,\"$$$$ipc\":5,\"$ipcx\":6,\"x$ipc\":7}]}",
                "{\"k\":\"send\",\"ch\":\"t\",\"a\":[{\"outer\":[{\"ok\":1},{\"$$ipc\":\"bytes\",\"b64\":\"AA==\"}]}]}",
                "{\"k\":\"send\",\"ch\":\"t\",\"a\":[[[{\"$$$ipc\":\"date\"}]]]}",
                "{\"k\":\"send\",\"ch\":\"t\",\"a\":[{\"$ipcx\":\"not the tag\"}]}",
            }));
        }

        [Test]
        public async Task ValuesThatAreNotPlain_NestedInPlainOnes_AreStillConvertedOrRefused()
        {
            await LoadAsync();

            string[] result = await Js<string[]>(@"async () => {" + EncodingClient + @"
                const wide = {}; for (let i = 0; i < 8; i++) wide['k' + i] = wide;  // a cycle the walk must not follow 8^64 times
                const cyclic = { a: [1] }; cyclic.a.push({ back: cyclic });
                const { proxy, revoke } = Proxy.revocable({}, {}); revoke();
                const kinds = [
                    () => ({ inner: { m: new Map() } }), () => [1, [new Set()]], () => ({ n: 1n }), () => ({ f() {} }), () => [Symbol('s')],
                    () => cyclic, () => wide, () => ({ x: 1, [Symbol.toStringTag]: 'Map' }), () => ({ p: proxy }),
                    () => ({ get x() { throw new RangeError('getter says no'); } }), () => ({ p: Promise.resolve() }), () => ({ r: /x/ }),
                    () => ({ d: new Date(NaN) }), () => ({ d: new Date(0) }), () => ({ b: new Uint8Array([1, 2]) }), () => [new Float32Array([1.5])],
                    () => ({ t: { toJSON() { return 'mine'; } } }), () => ({ c: new (class { constructor() { this.v = 1; } })() }),
                    () => ({ e: new TypeError('bad') }), () => ({ n: new Number(2) }),
                ];
                const out = [];
                for (const make of kinds) out.push(await send(make()));
                return out;
            }");

            const string Refused = ": FrameIPC carries JSON values, bytes and Dates (protocol.md); ";
            const string Sent = "{\"k\":\"send\",\"ch\":\"t\",\"a\":[";
            Assert.That(result, Is.EqualTo(new[]
            {
                "!! TypeError: A Map cannot be sent" + Refused + "send Array.from(map) or Object.fromEntries(map)",
                "!! TypeError: A Set cannot be sent" + Refused + "send Array.from(set)",
                "!! TypeError: A BigInt cannot be sent" + Refused + "send it as a string",
                "!! DataCloneError: An object could not be cloned. (a function cannot cross to the engine)",
                "!! DataCloneError: An object could not be cloned. (a Symbol cannot cross to the engine)",
                "!! TypeError: Converting circular structure to JSON",
                "!! TypeError: Converting circular structure to JSON",
                "!! TypeError: A Map cannot be sent" + Refused + "send Array.from(map) or Object.fromEntries(map)",
                "!! TypeError: Cannot perform 'get' on a proxy that has been revoked",
                "!! RangeError: getter says no",
                "!! DataCloneError: An object could not be cloned. (a Promise cannot cross to the engine)",
                "!! TypeError: A RegExp cannot be sent" + Refused + "send its source",
                "!! TypeError: An invalid Date cannot be sent" + Refused + "send a valid one or null",
                Sent + "{\"d\":{\"$ipc\":\"date\",\"v\":\"1970-01-01T00:00:00.000Z\"}}]}",
                Sent + "{\"b\":{\"$ipc\":\"bytes\",\"b64\":\"AQI=\"}}]}",
                Sent + "[{\"$ipc\":\"bytes\",\"type\":\"Float32Array\",\"b64\":\"AADAPw==\"}]]}",
                Sent + "{\"t\":\"mine\"}]}",
                Sent + "{\"c\":{\"v\":1}}]}",
                Sent + "{\"e\":{\"name\":\"TypeError\",\"message\":\"bad\"}}]}",
                Sent + "{\"n\":2}]}",
            }));
        }
    }
}
