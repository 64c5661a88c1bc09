using System;
using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// Once per process, when the first <see cref="IpcMain"/> is constructed (<see cref="IpcOptions.WarmUp"/>), runs a few
    /// real messages through a private engine and renderer joined in memory: the handshake, sends both ways (one frame
    /// with several envelopes, arguments of the usual primitive types and a string, untyped and typed listeners), an
    /// object without a generated codec each way (Newtonsoft's object reader and writer) and an invoke each way. Every path a game's first message takes has then run once: its methods are compiled and its types
    /// initialised, at scene load, so the tick that receives the first real message does not pay for them mid-game (as
    /// games prewarm shaders). Nothing of it is visible outside: the pair has its own listeners, statistics, tracer and
    /// diagnostics, is never listed in <see cref="IpcMonitorRegistry"/>, and returns everything it rented to the pools.
    /// </summary>
    internal static class IpcWarmUp
    {
        private const string Channel = "frameipc:warm-up";
        private const string InvokeChannel = "frameipc:warm-up-invoke";
        private const string ObjectChannel = "frameipc:warm-up-object";
        private const int MaxRounds = 16; // each step needs one or two; a bound so a broken path cannot spin

        private static readonly object s_lock = new object();
        private static volatile bool s_done;
        private static int s_runs;

        /// <summary>For tests: how many times the warm-up ran in this process (1 after the first engine, unless reset).</summary>
        internal static int Runs => Volatile.Read(ref s_runs);

        /// <summary>For tests: the objects (payloads without a generated codec) the last warm-up read back, one each way.</summary>
        internal static int LastObjectsRead { get; private set; }

        /// <summary>For tests: the managed thread the last warm-up ran on.</summary>
        internal static int LastThreadId { get; private set; }

        /// <summary>
        /// Runs the warm-up on the calling thread unless it ran already in this process. Thread-safe: one caller runs it;
        /// another never runs it again (it goes on at once, or after the lock if it came in the instant before). Never
        /// throws: a warm-up that fails only means the first message compiles what it uses, as it would without one.
        /// </summary>
        public static void EnsureRan()
        {
            if (s_done) return;
            lock (s_lock)
            {
                if (s_done) return;
                s_done = true; // first: a failure is not retried, and the engine made below never warms up again
                try
                {
                    Exercise();
                }
                catch (Exception)
                {
                    // An optimisation only: whatever failed here, the real first message takes the same path and reports it.
                }
            }
        }

        /// <summary>For tests: forgets that the warm-up ran, so the next engine runs it again.</summary>
        internal static void Reset()
        {
            lock (s_lock) s_done = false;
        }

        /// <summary>One run of the warm-up traffic; throws if a message did not arrive as sent (tests call it directly).</summary>
        internal static void Exercise()
        {
            LastThreadId = Environment.CurrentManagedThreadId;
            LastObjectsRead = 0;
            Interlocked.Increment(ref s_runs);
            var options = new IpcOptions { WarmUp = false };
            var (engineEnd, viewEnd) = InMemoryTransport.CreatePair();
            var main = new IpcMain(options);
            var renderer = new IpcRenderer(viewEnd, options);
            ValueTask<int> fromPage = default, fromEngine = default;
            try
            {
                var view = main.Attach(engineEnd);
                var seen = new Seen();
                main.On(Channel, seen.Read);
                main.On<string>(Channel, seen.ReadTyped);
                main.Handle(InvokeChannel, e => e.Arg<int>(0) + 1);
                renderer.On(Channel, seen.Read);
                renderer.On<string>(Channel, seen.ReadTyped);
                renderer.Handle(InvokeChannel, e => e.Arg<int>(0) + 1);
                main.On<WarmUpPayload>(ObjectChannel, seen.ReadObject);
                renderer.On<WarmUpPayload>(ObjectChannel, seen.ReadObject);
                renderer.Connect();
                Pump(main, renderer, () => renderer.IsReady && view.IsReady);

                // Both directions, each as several envelopes in one frame (the array a page's flush makes); one, two and
                // three arguments, since each count is its own generic code.
                renderer.Send(Channel, "warm");
                renderer.Send(Channel, "warm", 1.5);
                renderer.Send(Channel, "warm", 87, true);
                view.Send(Channel, "warm");
                view.Send(Channel, "warm", 1.5);
                view.Send(Channel, "warm", 87, true);
                Pump(main, renderer, () => seen.Untyped == 6 && seen.Typed == 6);

                // An object of a type without a generated codec, each way: Newtonsoft's reader and writer code for objects
                // (shared by every such type, most of its first message's tick) is compiled here. The type's own contract
                // is its own; a game's payload types still make theirs on first use.
                renderer.Send(ObjectChannel, WarmUpPayload.Sample());
                view.Send(ObjectChannel, WarmUpPayload.Sample());
                Pump(main, renderer, () => seen.Objects == 2);
                LastObjectsRead = seen.Objects;

                fromPage = renderer.InvokeAsync<int, int>(InvokeChannel, 41);
                fromEngine = view.InvokeAsync<int, int>(InvokeChannel, 41);
                Pump(main, renderer, () => fromPage.IsCompleted && fromEngine.IsCompleted);
            }
            finally
            {
                renderer.Dispose();
                main.Dispose(); // rejects an invoke still pending, so reading it below cannot block
            }
            // Read each result exactly once, which returns its pooled completion, whatever happened above.
            if (Answer(fromPage) + Answer(fromEngine) != 84) throw new InvalidOperationException("the warm-up invokes were not answered");
        }

        private static int Answer(ValueTask<int> invoke)
        {
            if (!invoke.IsCompleted) return 0; // cannot happen after Dispose; default (never sent) reads as 0 too
            try { return invoke.Result; }
            catch (IpcException) { return 0; }
        }

        private static void Pump(IpcMain main, IpcRenderer renderer, Func<bool> done)
        {
            for (int round = 0; round < MaxRounds; round++)
            {
                if (done()) return;
                renderer.Tick();
                main.Tick();
                renderer.Tick();
            }
            if (!done()) throw new InvalidOperationException("the warm-up traffic did not arrive");
        }

        /// <summary>What the warm-up's listeners saw: each reads every argument, as a game's listener would.</summary>
        private sealed class Seen
        {
            public int Untyped;
            public int Typed;

            public void Read(IpcEvent e)
            {
                bool intact = e.Arg<string>(0) == "warm" && (e.ArgCount == 1 || (e.ArgCount == 2 ? e.Arg<double>(1) == 1.5 : e.Arg<int>(1) == 87 && e.Arg<bool>(2)));
                if (!intact) throw new InvalidOperationException("the warm-up message was not read back as sent");
                Untyped++;
            }

            public int Objects;

            public void ReadObject(IpcEvent e, WarmUpPayload payload)
            {
                if (!WarmUpPayload.Sample().SameAs(payload)) throw new InvalidOperationException("the warm-up object was not read back as sent");
                Objects++;
            }

            public void ReadTyped(IpcEvent e, string first)
            {
                if (first != "warm") throw new InvalidOperationException("the warm-up message was not read back as sent");
                Typed++;
            }
        }
    }
}
