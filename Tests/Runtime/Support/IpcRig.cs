using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests
{
    /// <summary>
    /// The tests' <see cref="IpcHarness"/>: an engine and C# views ticked on the test's thread, with the diagnostics
    /// both sides raise, a pump bounded by a deadline, and a check on disposal that every pooled object rented during
    /// the test came back, so each test also proves it leaked nothing.
    /// </summary>
    internal sealed class IpcRig : IDisposable
    {
        private readonly long _outstandingAtStart = IpcPools.Outstanding;
        private readonly IpcHarness _harness;

        /// <summary>
        /// Tests see deterministic ticks: unless a test is about the time slice, it is made long enough that a loaded
        /// machine (a GC pause, a busy core) never splits a tick's work in two. <paramref name="wrap"/> (default none)
        /// wraps both transport ends of every view, as <see cref="IpcHarness"/> says.
        /// </summary>
        public IpcRig(IpcOptions options = null, Func<IFrameTransport, IFrameTransport> wrap = null)
        {
            Options = options ?? new IpcOptions { TickTimeBudget = TimeSpan.FromSeconds(30) };
            _harness = new IpcHarness(Options, wrap);
            Main.Diagnostic += d => Diagnostics.Add(d);
        }

        public IpcOptions Options { get; }
        public IpcMain Main => _harness.Main;
        public IReadOnlyList<IpcHarness.Link> Links => _harness.Links;
        public List<IpcDiagnostic> Diagnostics { get; } = new List<IpcDiagnostic>();

        /// <summary>What every view raised, in order.</summary>
        public List<IpcDiagnostic> ViewDiagnostics { get; } = new List<IpcDiagnostic>();

        /// <summary>A C# view attached, connected and through its handshake.</summary>
        public (WebContents Contents, IpcRenderer Renderer) AddView(bool connect = true, IpcChannelFilter channels = null)
        {
            var link = AddLink(connect, channels);
            return (link.Contents, link.Renderer);
        }

        /// <summary>
        /// As <see cref="AddView"/>, with the wrapped transport ends and the view's own diagnostics; the view gets the
        /// rig's options unless <paramref name="viewOptions"/> says otherwise.
        /// </summary>
        public IpcHarness.Link AddLink(bool connect = true, IpcChannelFilter channels = null, IpcOptions viewOptions = null)
        {
            var link = _harness.AddView(channels, viewOptions);
            link.Renderer.Diagnostic += d => ViewDiagnostics.Add(d);
            if (connect)
            {
                link.Renderer.Connect();
                Pump(() => link.Renderer.IsReady && link.Contents.IsReady, "the handshake");
            }
            return link;
        }

        /// <summary>One frame on both sides: views flush, the engine ticks, views receive.</summary>
        public void TickAll() => _harness.TickAll();

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

        public Exception AwaitFailure<T>(ValueTask<T> task) => Failure(task.AsTask(), "the invoke");

        /// <summary>The exception a failed call ended with (pumping until it ends).</summary>
        public Exception Failure(Task task, string what)
        {
            Pump(() => task.IsCompleted, what + "'s completion");
            Assert.That(task.IsFaulted || task.IsCanceled, Is.True, what + " should have failed");
            try { task.GetAwaiter().GetResult(); }
            catch (Exception ex) { return ex; }
            return null;
        }

        public void Dispose()
        {
            _harness.Dispose();
            Assert.That(IpcPools.Outstanding, Is.EqualTo(_outstandingAtStart), "every pooled object rented during the test was returned");
        }
    }
}
