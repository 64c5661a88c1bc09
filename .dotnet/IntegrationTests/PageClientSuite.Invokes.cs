using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    public sealed partial class PageClientSuite
    {
        [Test]
        public async Task ADuplicateEngineInvokeId_IsAnsweredWithAProtocolError_AndTheFirstKeepsRunning()
        {
            await LoadAsync();

            // A second instance on a stand-in host, so the test speaks for the engine and can repeat an id.
            string frames = await Js<string>(@"async () => {
                const posted = [];
                const ipc = FrameIpc.create({ batching: 'microtask' }).init({ host: { post: f => posted.push(JSON.parse(f)) } });
                let release, aborted = [];
                ipc.handle('slow', (event, tag) => {
                    event.signal.addEventListener('abort', () => aborted.push(tag));
                    return tag === 'first' ? new Promise(r => { release = r; }) : tag + ' ran';
                });
                const settle = () => new Promise(r => setTimeout(r, 0));
                ipc.receive('{""k"":""ready"",""v"":1,""view"":9}');
                ipc.receive('{""k"":""invoke"",""id"":7,""ch"":""slow"",""a"":[""first""]}');
                ipc.receive('{""k"":""invoke"",""id"":7,""ch"":""slow"",""a"":[""second""]}');
                await settle();
                release('first done');
                await settle();
                ipc.receive('{""k"":""invoke"",""id"":7,""ch"":""slow"",""a"":[""third""]}'); // the id is free again
                await settle();
                return JSON.stringify({ posted: posted.slice(1), aborted });
            }");

            Assert.That(frames, Is.EqualTo("{\"posted\":[" +
                "{\"k\":\"result\",\"id\":7,\"e\":{\"name\":\"ProtocolError\",\"message\":\"Duplicate invoke id 7: an invoke with that id is still running\",\"code\":\"EPROTO\"}}," +
                "{\"k\":\"result\",\"id\":7,\"r\":\"first done\"}," +
                "{\"k\":\"result\",\"id\":7,\"r\":\"third ran\"}" +
                "],\"aborted\":[]}"));
        }

        [Test]
        public async Task ACancelAfterADuplicate_AbortsTheInvokeThatKeptTheId()
        {
            await LoadAsync();

            string aborted = await Js<string>(@"async () => {
                const ipc = FrameIpc.create({ batching: 'microtask' }).init({ host: { post: () => {} } });
                const aborted = [];
                ipc.handle('slow', (event, tag) => new Promise(() => event.signal.addEventListener('abort', () => aborted.push(tag))));
                ipc.receive('{""k"":""ready"",""v"":1,""view"":9}');
                ipc.receive('{""k"":""invoke"",""id"":7,""ch"":""slow"",""a"":[""first""]}');
                ipc.receive('{""k"":""invoke"",""id"":7,""ch"":""slow"",""a"":[""second""]}');
                ipc.receive('{""k"":""cancel"",""id"":7}');
                return aborted.join(',');
            }");

            Assert.That(aborted, Is.EqualTo("first"));
        }
    }
}
