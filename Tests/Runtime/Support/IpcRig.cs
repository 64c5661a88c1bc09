using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests
{
    /// <summary>
    /// An engine and C# views over the in-memory transport, ticked on the test's thread. Disposing it checks that every
    /// pooled object rented during the test came back, so each test also proves it leaked nothing.
    /// </summary>
    internal sealed class IpcRig : IDisposable
    {
        private readonly long _outstandingAtStart = IpcPools.Outstanding;
        private readonly List<IpcRenderer> _views = new List<IpcRenderer>();

        /// <summary>
        /// Tests see deterministic ticks: unless a test is about the time slice, it is made long enough that a loaded
        /// machine (a GC pause, a busy core) never splits a tick's work in two.
        /// </summary>
        public IpcRig(IpcOptions options = null)
        {
            Options = options ?? new IpcOptions { TickTimeBudget = TimeSpan.FromSeconds(30) };
            Main = new IpcMain(Options);
            Main.Diagnostic += d => Diagnostics.Add(d);
        }

        public IpcOptions Options { get; }
        public IpcMain Main { get; }
        public List<IpcDiagnostic> Diagnostics { get; } = new List<IpcDiagnostic>();
        public List<IpcDiagnostic> ViewDiagnostics { get; } = new List<IpcDiagnostic>();

        /// <summary>A C# view attached, connected and through its handshake.</summary>
        public (WebContents Contents, IpcRenderer Renderer) AddView(bool connect = true, IpcChannelFilter channels = null)
        {
            var (engineEnd, viewEnd) = InMemoryTransport.CreatePair();
            var contents = Main.Attach(engineEnd, null, channels);
            var renderer = new IpcRenderer(viewEnd, Options);
            renderer.Diagnostic += d => ViewDiagnostics.Add(d);
            _views.Add(renderer);
            if (connect)
            {
                renderer.Connect();
                Pump(() => renderer.IsReady && contents.IsReady);
            }
            return (contents, renderer);
        }

        /// <summary>One frame on both sides: views flush, the engine ticks, views receive.</summary>
        public void TickAll()
        {
            foreach (var v in _views) if (!v.IsClosed) v.Tick();
            Main.Tick();
            foreach (var v in _views) if (!v.IsClosed) v.Tick();
        }

        /// <summary>
        /// Ticks until the condition holds. Work on the thread pool (async handlers, cancellation callbacks) may need real
        /// time on a loaded machine, so the limit is a generous deadline, not a tick count; it only bounds a broken test.
        /// </summary>
        public void Pump(Func<bool> until, string what = "the condition")
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            for (int i = 0; DateTime.UtcNow < deadline; i++)
            {
                if (until()) return;
                TickAll();
                if (i > 100) System.Threading.Thread.Sleep(1);
            }
            if (until()) return;
            Assert.Fail($"{what} did not happen within 30 s of ticking");
        }

        /// <summary>Ticks until the task is done and returns its result (or throws its exception).</summary>
        public T Await<T>(ValueTask<T> task)
        {
            var t = task.AsTask();
            Pump(() => t.IsCompleted, "the invoke's completion");
            return t.GetAwaiter().GetResult();
        }

        public Exception AwaitFailure<T>(ValueTask<T> task)
        {
            var t = task.AsTask();
            Pump(() => t.IsCompleted, "the invoke's completion");
            Assert.That(t.IsFaulted || t.IsCanceled, Is.True, "the invoke should have failed");
            try { t.GetAwaiter().GetResult(); }
            catch (Exception ex) { return ex; }
            return null;
        }

        public void Dispose()
        {
            foreach (var v in _views) v.Dispose();
            Main.Dispose();
            Assert.That(IpcPools.Outstanding, Is.EqualTo(_outstandingAtStart), "every pooled object rented during the test was returned");
        }
    }
}
