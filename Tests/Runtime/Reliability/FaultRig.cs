using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace FrameIpc.Tests.Reliability
{
    /// <summary>
    /// An <see cref="IpcRig"/> whose transport ends (both of each view's) are <see cref="FaultyTransport"/>s a test can
    /// make fail. Disposing tolerates a close the test made throw, then runs the rig's own checks.
    /// </summary>
    internal sealed class FaultRig : IDisposable
    {
        private readonly IpcRig _rig;
        private readonly List<Link> _links = new List<Link>();

        public FaultRig(IpcOptions options = null)
        {
            _rig = new IpcRig(options, end => new FaultyTransport(end));
        }

        public IpcOptions Options => _rig.Options;
        public IpcMain Main => _rig.Main;
        public List<IpcDiagnostic> Diagnostics => _rig.Diagnostics;

        /// <summary>One view as the rig made it, with its two ends typed as the faulty transports they are.</summary>
        public sealed class Link
        {
            private readonly IpcHarness.Link _link;
            internal Link(IpcHarness.Link link) { _link = link; }
            public WebContents Contents => _link.Contents;
            public IpcRenderer Renderer => _link.Renderer;
            public FaultyTransport EngineEnd => (FaultyTransport)_link.EngineEnd;
            public FaultyTransport ViewEnd => (FaultyTransport)_link.ViewEnd;
            public List<IpcDiagnostic> ViewDiagnostics => _link.ViewDiagnostics;
        }

        public Link AddView(bool connect = true)
        {
            var link = new Link(_rig.AddLink(connect));
            _links.Add(link);
            return link;
        }

        /// <summary>One frame on both sides. A tick must never throw, whatever the transports do.</summary>
        public void TickAll() => _rig.TickAll();

        /// <summary>Ticks until the condition holds, within a generous deadline that only bounds a broken test.</summary>
        public void Pump(Func<bool> until, string what) => _rig.Pump(until, what);

        /// <summary>The exception a failed invoke ended with (pumping until it ends).</summary>
        public Exception Failure(Task task, string what) => _rig.Failure(task, what);

        public void Dispose()
        {
            foreach (var l in _links)
            {
                try { l.Renderer.Dispose(); }
                catch (Exception) { /* a transport made to fail on close */ }
            }
            _rig.Dispose(); // disposing a renderer or an engine a second time does nothing
        }
    }
}
