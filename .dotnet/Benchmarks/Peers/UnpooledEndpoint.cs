using System;
using System.Collections.Generic;
using System.Threading.Channels;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FrameIpc.Benchmarks
{
    /// <summary>
    /// The plain way to build this bridge with Newtonsoft and no pooling: a new <see cref="JObject"/> envelope
    /// per message (the same <c>k/ch/a/id/r</c> members as FrameIPC's protocol), <c>ToString</c> to encode,
    /// <see cref="JObject.Parse(string)"/> to decode, <c>ToObject</c> for typed arguments, a
    /// <see cref="TaskCompletionSource{TResult}"/> per invoke, and a <see cref="Channel{T}"/> between the sides.
    /// Ticked like FrameIPC: <see cref="Tick"/> drains and dispatches on the caller's thread.
    /// </summary>
    public sealed class UnpooledEndpoint
    {
        private readonly Channel<string> _inbound = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        private readonly Dictionary<string, Action<JArray>> _listeners = new Dictionary<string, Action<JArray>>();
        private readonly Dictionary<string, Func<JArray, object?>> _handlers = new Dictionary<string, Func<JArray, object?>>();
        private readonly Dictionary<int, TaskCompletionSource<JToken?>> _pending = new Dictionary<int, TaskCompletionSource<JToken?>>();
        private UnpooledEndpoint? _peer;
        private int _nextId;

        /// <summary>Two endpoints wired to each other: (engine, view).</summary>
        public static (UnpooledEndpoint Engine, UnpooledEndpoint View) CreatePair()
        {
            var engine = new UnpooledEndpoint();
            var view = new UnpooledEndpoint();
            engine._peer = view;
            view._peer = engine;
            return (engine, view);
        }

        public void On(string channel, Action<JArray> listener) => _listeners[channel] = listener;

        public void Handle(string channel, Func<JArray, object?> handler) => _handlers[channel] = handler;

        public void Send(string channel, object? arg) => _peer!.Push(Encode(channel, arg));

        /// <summary>Encodes a send envelope once, so a broadcast can push the same text to every view.</summary>
        public static string Encode(string channel, object? arg)
        {
            var envelope = new JObject { ["k"] = "send", ["ch"] = channel, ["a"] = new JArray(JToken.FromObject(arg!)) };
            return envelope.ToString(Formatting.None);
        }

        /// <summary>Queues an already encoded frame into this endpoint, as its peer's transport would.</summary>
        public void Push(string frame) => _inbound.Writer.TryWrite(frame);

        public async Task<TResult> InvokeAsync<TResult>(string channel, object? arg)
        {
            int id = ++_nextId;
            var completion = new TaskCompletionSource<JToken?>();
            _pending.Add(id, completion);
            var envelope = new JObject { ["k"] = "invoke", ["id"] = id, ["ch"] = channel, ["a"] = new JArray(JToken.FromObject(arg!)) };
            _peer!.Push(envelope.ToString(Formatting.None));
            JToken? result = await completion.Task.ConfigureAwait(false);
            return result!.ToObject<TResult>()!;
        }

        /// <summary>Drains every queued frame: listeners, handlers (answered at once) and invoke completions.</summary>
        public int Tick()
        {
            int count = 0;
            while (_inbound.Reader.TryRead(out string? frame))
            {
                Dispatch(JObject.Parse(frame));
                count++;
            }
            return count;
        }

        private void Dispatch(JObject envelope)
        {
            switch ((string?)envelope["k"])
            {
                case "send":
                    if (_listeners.TryGetValue((string)envelope["ch"]!, out Action<JArray>? listener))
                    {
                        listener((JArray)envelope["a"]!);
                    }
                    break;
                case "invoke":
                    object? value = _handlers[(string)envelope["ch"]!]((JArray)envelope["a"]!);
                    var result = new JObject { ["k"] = "result", ["id"] = envelope["id"], ["r"] = JToken.FromObject(value!) };
                    _peer!.Push(result.ToString(Formatting.None));
                    break;
                case "result":
                    int id = (int)envelope["id"]!;
                    if (_pending.Remove(id, out TaskCompletionSource<JToken?>? completion))
                    {
                        completion.SetResult(envelope["r"]);
                    }
                    break;
            }
        }
    }
}
