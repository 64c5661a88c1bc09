using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Reliability
{
    /// <summary>
    /// An engine and C# views whose transport ends (both of them) can be made to fail, ticked on the test's thread.
    /// Disposing checks that every pooled object rented since the rig was made came back.
    /// </summary>
    internal sealed class FaultRig : IDisposable
    {
        private readonly long _outstandingAtStart = IpcPools.Outstanding;
        private readonly List<Link> _links = new List<Link>();

        public FaultRig(IpcOptions options = null)
        {
            Options = options ?? new IpcOptions { TickTimeBudget = TimeSpan.FromSeconds(30) };
            Main = new IpcMain(Options);
            Main.Diagnostic += d => Diagnostics.Add(d);
        }

        public IpcOptions Options { get; }
        public IpcMain Main { get; }
        public List<IpcDiagnostic> Diagnostics { get; } = new List<IpcDiagnostic>();

        /// <summary>One view: the engine's handle, the renderer, and both faulty ends.</summary>
        public sealed class Link
        {
            public WebContents Contents;
            public IpcRenderer Renderer;
            public FaultyTransport EngineEnd;
            public FaultyTransport ViewEnd;
            public readonly List<IpcDiagnostic> ViewDiagnostics = new List<IpcDiagnostic>();
        }

        public Link AddView(bool connect = true)
        {
            var (engineEnd, viewEnd) = InMemoryTransport.CreatePair();
            var link = new Link { EngineEnd = new FaultyTransport(engineEnd), ViewEnd = new FaultyTransport(viewEnd) };
            link.Contents = Main.Attach(link.EngineEnd);
            link.Renderer = new IpcRenderer(link.ViewEnd, Options);
            link.Renderer.Diagnostic += d => link.ViewDiagnostics.Add(d);
            _links.Add(link);
            if (connect)
            {
                link.Renderer.Connect();
                Pump(() => link.Renderer.IsReady && link.Contents.IsReady, "the handshake");
            }
            return link;
        }

        /// <summary>One frame on both sides. A tick must never throw, whatever the transports do.</summary>
        public void TickAll()
        {
            foreach (var l in _links) if (!l.Renderer.IsClosed) l.Renderer.Tick();
            Main.Tick();
            foreach (var l in _links) if (!l.Renderer.IsClosed) l.Renderer.Tick();
        }

        /// <summary>Ticks until the condition holds, within a generous deadline that only bounds a broken test.</summary>
        public void Pump(Func<bool> until, string what)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            for (int i = 0; DateTime.UtcNow < deadline; i++)
            {
                if (until()) return;
                TickAll();
                if (i > 100) Thread.Sleep(1);
            }
            if (until()) return;
            Assert.Fail($"{what} did not happen within 30 s of ticking");
        }

        /// <summary>The exception a failed invoke ended with (pumping until it ends).</summary>
        public Exception Failure(Task task, string what)
        {
            Pump(() => task.IsCompleted, what);
            Assert.That(task.IsFaulted || task.IsCanceled, Is.True, what + " should have failed");
            try { task.GetAwaiter().GetResult(); }
            catch (Exception ex) { return ex; }
            return null;
        }

        public void Dispose()
        {
            foreach (var l in _links)
            {
                try { l.Renderer.Dispose(); }
                catch (Exception) { /* a transport made to fail on close */ }
            }
            Main.Dispose(); // a second Dispose (a test that disposed it already) does nothing
            Assert.That(IpcPools.Outstanding, Is.EqualTo(_outstandingAtStart), "every pooled object rented during the test was returned");
        }
    }
}
