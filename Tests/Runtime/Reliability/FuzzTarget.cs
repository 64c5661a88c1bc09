using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc.Tests.Reliability
{
    /// <summary>
    /// The endpoint under fuzz (the engine, or a C# renderer) with a raw peer that feeds it frames and records what it
    /// answers, and the listeners and handlers every generated channel reaches, counting what they saw.
    /// </summary>
    internal abstract class FuzzTarget : IDisposable
    {
        private static readonly Regex InvokeId = new Regex("\"k\":\"invoke\",\"id\":(\\d+)");
        private TaskCompletionSource<int> _gate = new TaskCompletionSource<int>();
        private int _cancelled;

        public List<IpcDiagnostic> Diagnostics { get; } = new List<IpcDiagnostic>();
        public List<int> Good { get; } = new List<int>();
        public List<string> UnsafeTypes { get; } = new List<string>();
        public int Heard { get; private set; }
        public int Cancelled => Volatile.Read(ref _cancelled);
        public int ReadyEvents { get; protected set; }

        /// <summary>Invokes the endpoint started towards the peer, by id; each one holds a pooled object until it settles.</summary>
        public Dictionary<long, Task<int>> Pending { get; } = new Dictionary<long, Task<int>>();

        /// <summary>Frames the endpoint sent to the raw peer.</summary>
        public abstract List<string> PeerReceived { get; }
        public abstract int QueuedFrames { get; }
        public abstract void Feed(string frame);
        public abstract void Tick();
        public abstract void Dispose();

        /// <summary>Starts an invoke of the endpoint's own towards the peer, and returns the id it went out with.</summary>
        public long StartPendingInvoke()
        {
            var task = StartInvoke("peer:answer", TimeSpan.FromMinutes(10));
            PeerReceived.Clear();
            Tick(); // flushes the invoke to the peer
            long id = 0;
            foreach (var frame in PeerReceived)
            {
                var m = InvokeId.Match(frame);
                if (m.Success) id = long.Parse(m.Groups[1].Value);
            }
            PeerReceived.Clear();
            if (id == 0) throw new InvalidOperationException("the endpoint's invoke never reached the peer");
            Pending[id] = task;
            return id;
        }

        /// <summary>Invokes still pending; each holds one pooled object.</summary>
        public int LivePending()
        {
            int n = 0;
            foreach (var pair in Pending) if (!pair.Value.IsCompleted) n++;
            return n;
        }

        /// <summary>Lets every slow handler finish (their results go back on the next tick).</summary>
        public void ReleaseSlowHandlers()
        {
            var gate = _gate;
            _gate = new TaskCompletionSource<int>();
            gate.SetResult(0);
        }

        protected abstract Task<int> StartInvoke(string channel, TimeSpan timeout);

        protected void Register(IpcEmitter ipc)
        {
            ipc.On("good", e => Good.Add(e.Arg<int>(0)));
            ipc.On("fuzz", e =>
            {
                Heard++;
                if (e.ArgCount > 0) e.Arg<int>(0);
                if (e.ArgCount > 1) e.Arg<string>(1);
            });
            ipc.On("fuzz:obj", e =>
            {
                Heard++;
                CheckSafe(e.Arg<object>(0));
            });
            ipc.On("fuzz:sync", e =>
            {
                Heard++;
                e.ReturnValue = e.ArgCount;
            });
            ipc.Handle("fuzz:sum", e =>
            {
                Heard++;
                return e.Arg<int>(0) + e.Arg<int>(1);
            });
            ipc.Handle<int>("fuzz:throw", e =>
            {
                Heard++;
                throw new InvalidOperationException("the fuzz handler refuses");
            });
            ipc.Handle<int>("fuzz:slow", (e, ct) =>
            {
                Heard++;
                ct.Register(() => Interlocked.Increment(ref _cancelled));
                return _gate.Task;
            });
        }

        /// <summary>Whatever a page sends, reading it as object gives JSON tokens or primitives: never a type named on the wire.</summary>
        private void CheckSafe(object value)
        {
            if (value == null || value is string || value is long || value is double || value is bool) return;
            if (value is Newtonsoft.Json.Linq.JToken) return;
            UnsafeTypes.Add(value.GetType().AssemblyQualifiedName);
        }
    }
}
