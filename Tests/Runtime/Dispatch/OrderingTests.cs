using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Dispatch
{
    /// <summary>Electron's "ordering" case: send, invoke and sendSync interleaved arrive in the order sent.</summary>
    public class OrderingTests
    {
        [Test]
        public void AThousandInterleavedSendsInvokesAndSendSyncsArriveInOrder()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            var seen = new List<int>();
            rig.Main.On("seq:send", e => seen.Add(e.Arg<int>(0)));
            rig.Main.On("seq:sync", e => { seen.Add(e.Arg<int>(0)); e.ReturnValue = e.Arg<int>(0); });
            rig.Main.Handle("seq:invoke", e => { seen.Add(e.Arg<int>(0)); return e.Arg<int>(0); });

            const int count = 1000;
            var renderer = Task.Run(() =>
            {
                var invokes = new List<Task<int>>();
                for (int i = 0; i < count; i++)
                {
                    switch (i % 3)
                    {
                        case 0: view.Send("seq:send", i); break;
                        case 1: invokes.Add(view.InvokeAsync<int, int>("seq:invoke", i).AsTask()); break;
                        default:
                            if (view.SendSync<int, int>("seq:sync", i) != i) throw new InvalidOperationException("wrong sync answer");
                            break;
                    }
                    if (i % 7 == 0) view.Tick();
                }
                var until = DateTime.UtcNow.AddSeconds(60);
                while (!invokes.TrueForAll(t => t.IsCompleted) && DateTime.UtcNow < until) { view.Tick(); Thread.Sleep(1); }
                foreach (var t in invokes) if (t.Result % 3 != 1) throw new InvalidOperationException("wrong invoke answer");
                view.Tick(); // flush the sends after the last invoke
            });
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!renderer.IsCompleted && DateTime.UtcNow < deadline) rig.Main.Tick();
            renderer.GetAwaiter().GetResult();
            rig.Pump(() => seen.Count == count, "the last sends");

            Assert.That(seen.Count, Is.EqualTo(count));
            for (int i = 0; i < count; i++) Assert.That(seen[i], Is.EqualTo(i), $"message {i} out of order");
        }
    }
}
