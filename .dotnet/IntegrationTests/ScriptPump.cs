using System;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace FrameIpc.IntegrationTests
{
    /// <summary>
    /// A host's ExecuteJavaScript for the script-bridge fixtures: scripts the engine pushes (any thread) run in the page,
    /// in order. A script that lands while the page navigates is lost, as in a real browser.
    /// </summary>
    internal sealed class ScriptPump
    {
        private readonly Channel<string> _scripts = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        private Task _run;

        public void Post(string script) => _scripts.Writer.TryWrite(script);

        /// <summary>Starts running scripts in whatever <paramref name="page"/> returns when each one arrives.</summary>
        public void Start(Func<IPage> page) => _run = Task.Run(async () =>
        {
            await foreach (var script in _scripts.Reader.ReadAllAsync())
            {
                try { await page().EvaluateAsync(script); }
                catch (PlaywrightException) { }
            }
        });

        public void Stop(TimeSpan deadline)
        {
            _scripts.Writer.TryComplete();
            _run?.Wait(deadline);
        }
    }
}
