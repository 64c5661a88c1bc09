#nullable enable
using System;
using System.Collections.Generic;

namespace FrameIpc.Tests
{
    /// <summary>
    /// The one rig the tests and the benchmarks build on: an engine and C# views, each joined to it by an in-memory
    /// transport pair whose two ends first pass through a wrap hook (a counting or a fault-injecting transport, say).
    /// It holds no assertions, so the benchmarks can compile this file too (they may not reference the tests); IpcRig,
    /// FaultRig and AllocationRig add theirs on top. Ticking creates no closures or enumerators: it allocates nothing.
    /// </summary>
    internal sealed class IpcHarness : IDisposable
    {
        private readonly Func<IFrameTransport, IFrameTransport>? _wrap;
        private readonly List<Link> _links = new List<Link>();

        /// <summary>
        /// <paramref name="options"/> go to the engine and to every view; <paramref name="wrap"/> (default none) is
        /// applied to both ends of each view's pair, the engine's first.
        /// </summary>
        public IpcHarness(IpcOptions? options = null, Func<IFrameTransport, IFrameTransport>? wrap = null)
        {
            Options = options;
            _wrap = wrap;
            Main = new IpcMain(options);
        }

        /// <summary>
        /// An engine with <paramref name="viewCount"/> views, connected and through their handshakes, so what follows
        /// measures traffic only. Throws <see cref="InvalidOperationException"/> if they never get there.
        /// </summary>
        public static IpcHarness Connected(int viewCount = 1, IpcOptions? options = null, Func<IFrameTransport, IFrameTransport>? wrap = null)
        {
            var harness = new IpcHarness(options, wrap);
            for (int i = 0; i < viewCount; i++) harness.AddView().Renderer.Connect();
            if (!harness.TickUntilReady())
            {
                harness.Dispose();
                throw new InvalidOperationException("The views never finished their handshakes.");
            }
            return harness;
        }

        public IpcOptions? Options { get; }

        public IpcMain Main { get; }

        /// <summary>The views in the order they were added.</summary>
        public IReadOnlyList<Link> Links => _links;

        /// <summary>The first view's renderer.</summary>
        public IpcRenderer View => _links[0].Renderer;

        /// <summary>One view: the engine's handle on it, its renderer, and the two (wrapped) ends of its transport.</summary>
        public sealed class Link
        {
            internal Link(WebContents contents, IpcRenderer renderer, IFrameTransport engineEnd, IFrameTransport viewEnd)
            {
                Contents = contents;
                Renderer = renderer;
                EngineEnd = engineEnd;
                ViewEnd = viewEnd;
                renderer.Diagnostic += d => ViewDiagnostics.Add(d);
            }

            public WebContents Contents { get; }
            public IpcRenderer Renderer { get; }
            public IFrameTransport EngineEnd { get; }
            public IFrameTransport ViewEnd { get; }
            public List<IpcDiagnostic> ViewDiagnostics { get; } = new List<IpcDiagnostic>();
        }

        /// <summary>
        /// Attaches a view to the engine; it is not connected yet (call <c>Renderer.Connect()</c>, then tick). The view
        /// gets the harness's options unless <paramref name="viewOptions"/> says otherwise.
        /// </summary>
        public Link AddView(IpcChannelFilter? channels = null, IpcOptions? viewOptions = null)
        {
            var (engineEnd, viewEnd) = InMemoryTransport.CreatePair();
            IFrameTransport engine = _wrap == null ? engineEnd : _wrap(engineEnd);
            IFrameTransport view = _wrap == null ? viewEnd : _wrap(viewEnd);
            var link = new Link(Main.Attach(engine, null, channels), new IpcRenderer(view, viewOptions ?? Options), engine, view);
            _links.Add(link);
            return link;
        }

        /// <summary>One frame of the whole system: every open view flushes, the engine ticks, every open view receives.</summary>
        public void TickAll()
        {
            TickViews();
            Main.Tick();
            TickViews();
        }

        /// <summary>
        /// Ticks until every view and the engine's handle on it finished the handshake; false if they had not after
        /// <paramref name="maxRounds"/> (hello and ready take a tick on each side; the rest covers a lazier transport).
        /// </summary>
        public bool TickUntilReady(int maxRounds = 100)
        {
            for (int round = 0; round < maxRounds && !AllReady(); round++) TickAll();
            return AllReady();
        }

        /// <summary>Disposes the views, then the engine.</summary>
        public void Dispose()
        {
            for (int i = 0; i < _links.Count; i++) _links[i].Renderer.Dispose();
            Main.Dispose();
        }

        private void TickViews()
        {
            for (int i = 0; i < _links.Count; i++)
            {
                var renderer = _links[i].Renderer;
                if (!renderer.IsClosed) renderer.Tick();
            }
        }

        private bool AllReady()
        {
            for (int i = 0; i < _links.Count; i++)
            {
                if (!_links[i].Renderer.IsReady || !_links[i].Contents.IsReady) return false;
            }
            return true;
        }
    }
}
