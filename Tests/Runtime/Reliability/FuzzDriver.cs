using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace FrameIpc.Tests.Reliability
{
    /// <summary>
    /// Feeds generated frames to one endpoint, one frame per tick, and checks each against what its case promised:
    /// no exception out of Tick, nothing left queued, a diagnostic (and an error to the peer) for what was refused, the
    /// good values delivered in order, and every pooled object back except those held by invokes still pending.
    /// </summary>
    internal sealed class FuzzDriver
    {
        private const int MaxFailures = 5;
        private readonly FuzzTarget _target;
        private readonly int _seed;
        private readonly string _side;
        private readonly List<string> _failures = new List<string>();
        private long _poolBaseline;

        public FuzzDriver(FuzzTarget target, int seed, string side)
        {
            _target = target;
            _seed = seed;
            _side = side;
        }

        public Dictionary<string, int> PerCategory { get; } = new Dictionary<string, int>();
        public Dictionary<IpcDiagnosticKind, int> PerDiagnostic { get; } = new Dictionary<IpcDiagnosticKind, int>();
        public int Frames { get; private set; }
        public int LivenessChecks { get; private set; }
        public IReadOnlyList<string> Failures => _failures;
        public TimeSpan Elapsed { get; private set; }

        public void Run(FrameFuzzer fuzzer, int frames)
        {
            var clock = Stopwatch.StartNew();
            _poolBaseline = IpcPools.Outstanding - _target.LivePending();
            for (int i = 0; i < frames && _failures.Count < MaxFailures; i++)
            {
                var c = fuzzer.Next();
                PerCategory[c.Category] = (PerCategory.TryGetValue(c.Category, out int n) ? n : 0) + 1;
                Check(i, c);
                Frames++;
                if ((i + 1) % 1000 == 0) Liveness(i);
            }
            if (_failures.Count < MaxFailures) Liveness(frames);
            Elapsed = clock.Elapsed;
        }

        private void Check(int index, FuzzCase c)
        {
            int diag0 = _target.Diagnostics.Count, heard0 = _target.Heard, cancelled0 = _target.Cancelled, ready0 = _target.ReadyEvents;
            _target.Good.Clear();
            _target.PeerReceived.Clear();
            int settled0 = Settled();
            try
            {
                _target.Feed(c.Frame);
                _target.Tick();
            }
            catch (Exception ex)
            {
                Fail(index, c, "an exception escaped Tick: " + ex);
                return;
            }
            var diags = _target.Diagnostics.GetRange(diag0, _target.Diagnostics.Count - diag0);
            foreach (var d in diags) PerDiagnostic[d.Kind] = (PerDiagnostic.TryGetValue(d.Kind, out int n) ? n : 0) + 1;
            var sent = string.Join("\n", _target.PeerReceived);
            bool refusedDiag = diags.Exists(d => d.Kind == IpcDiagnosticKind.ProtocolError || d.Kind == IpcDiagnosticKind.LimitExceeded);
            bool errorBack = sent.Contains("\"k\":\"error\"") || sent.Contains("\"e\":{");
            bool effect = diags.Count > 0 || sent.Length > 0 || _target.Heard > heard0 || _target.Good.Count > 0 || Settled() > settled0
                          || _target.Cancelled > cancelled0 || _target.ReadyEvents > ready0;

            if (_target.QueuedFrames != 0) Fail(index, c, $"{_target.QueuedFrames} frame(s) still queued after the tick (stuck)");
            foreach (var d in diags) if (string.IsNullOrEmpty(d.Message)) Fail(index, c, $"a {d.Kind} diagnostic without a message");
            if (refusedDiag && !errorBack) Fail(index, c, "refused, but the peer was not told (no error notice or error result)");
            if (Has(c, FuzzExpect.Refused) && !refusedDiag) Fail(index, c, "expected a ProtocolError or LimitExceeded diagnostic");
            if (Has(c, FuzzExpect.UnknownId) && !diags.Exists(d => d.Kind == IpcDiagnosticKind.UnknownInvokeId)) Fail(index, c, "expected an UnknownInvokeId diagnostic");
            if (Has(c, FuzzExpect.Settles) && !(_target.Pending.TryGetValue(c.Id, out var p) && p.IsCompleted)) Fail(index, c, $"invoke {c.Id} did not settle");
            if (Has(c, FuzzExpect.Answered) && !sent.Contains("\"k\":\"result\",\"id\":" + c.Id + ",")) Fail(index, c, $"invoke {c.Id} was not answered");
            if (Has(c, FuzzExpect.Heard) && _target.Heard == heard0) Fail(index, c, "no listener or handler heard it");
            if (Has(c, FuzzExpect.Quiet) && effect) Fail(index, c, "valid input nobody listens to should pass without effect or diagnostic");
            if (Has(c, FuzzExpect.Any) && !effect && !FuzzOracle.IsQuietlyValid(c.Frame)) Fail(index, c, "no diagnostic and no effect: the frame vanished");
            if (!Has(c, FuzzExpect.Any) && !SameValues(_target.Good, c.Good)) Fail(index, c, $"delivered good values [{string.Join(",", _target.Good)}], expected [{string.Join(",", c.Good)}]");
            if (_target.UnsafeTypes.Count > 0) Fail(index, c, "a type named on the wire was created: " + string.Join(", ", _target.UnsafeTypes));
            long leaked = IpcPools.Outstanding - _poolBaseline - _target.LivePending();
            if (leaked != 0) Fail(index, c, $"{leaked} pooled object(s) not returned (beyond the {_target.LivePending()} held by pending invokes)");
        }

        /// <summary>After hostile input, the same link still carries a valid send and a valid invoke; slow handlers finish.</summary>
        private void Liveness(int index)
        {
            LivenessChecks++;
            _target.ReleaseSlowHandlers();
            var c = new FuzzCase("liveness", "{\"k\":\"batch\",\"m\":[{\"k\":\"send\",\"ch\":\"good\",\"a\":[-1]},{\"k\":\"invoke\",\"id\":987654321,\"ch\":\"fuzz:sum\",\"a\":[40,2]}]}",
                FuzzExpect.Answered | FuzzExpect.Heard) { Id = 987654321 };
            c.Good.Add(-1);
            Check(index, c);
            if (!string.Join("\n", _target.PeerReceived).Contains("{\"k\":\"result\",\"id\":987654321,\"r\":42}"))
                Fail(index, c, "a valid invoke after the fuzzed frames did not get its right answer");
        }

        private int Settled()
        {
            int n = 0;
            foreach (var pair in _target.Pending) if (pair.Value.IsCompleted) n++;
            return n;
        }

        private static bool Has(FuzzCase c, FuzzExpect flag) => (c.Expect & flag) != 0;

        private static bool SameValues(List<int> got, List<int> expected)
        {
            if (got.Count != expected.Count) return false;
            for (int i = 0; i < got.Count; i++) if (got[i] != expected[i]) return false;
            return true;
        }

        private void Fail(int index, FuzzCase c, string what)
        {
            if (_failures.Count >= MaxFailures) return;
            var sb = new StringBuilder();
            sb.Append($"[{_side} fuzz, seed {_seed}, frame #{index}, {c.Category}] {what}\n  frame: {c.Shown}\n");
            foreach (var d in _target.Diagnostics.GetRange(Math.Max(0, _target.Diagnostics.Count - 4), Math.Min(4, _target.Diagnostics.Count)))
                sb.Append("  diagnostic: ").Append(d).Append('\n');
            foreach (var f in _target.PeerReceived) sb.Append("  sent to peer: ").Append(f.Length > 300 ? f.Substring(0, 300) + "..." : f).Append('\n');
            sb.Append($"  reproduce: FRAMEIPC_FUZZ_SEED={_seed} (frame #{index} of the {_side} run)");
            _failures.Add(sb.ToString());
        }
    }
}
