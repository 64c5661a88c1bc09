using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using FrameIpc.TestSupport;
using Microsoft.Playwright;

namespace FrameIpc.Benchmarks
{
    /// <summary>
    /// Runs bench.html's <c>runBench</c> in headless Chromium and returns its JSON, the browser's version and the page's
    /// errors. By default Chromium is started on its own, with no DevTools client: the page runs the bench itself
    /// (<c>&amp;auto=</c>) and hands the result to the engine over IPC, as a game's browser would run. With
    /// <c>devTools</c> Playwright drives the page over the DevTools protocol, whose Network domain (Playwright enables it
    /// on every page) copies every WebSocket frame's whole text into an event for the driver: that costs the page and
    /// the machine more than FrameIPC itself (performance.md).
    /// </summary>
    internal static class BrowserLauncher
    {
        public static Task<(string Version, string Json, IReadOnlyList<string> Errors)> RunAsync(
            BrowserEngine engine, string pageUrl, int messages, int invokes, int rounds, bool devTools) =>
            devTools ? RunWithPlaywrightAsync(pageUrl, messages, invokes, rounds) : RunAloneAsync(engine, pageUrl, messages, invokes, rounds);

        private static async Task<(string, string, IReadOnlyList<string>)> RunAloneAsync(BrowserEngine engine, string pageUrl, int messages, int invokes, int rounds)
        {
            DirectoryInfo profile = Directory.CreateTempSubdirectory("frameipc-bench-");
            var start = new ProcessStartInfo(HeadlessChromium.ExecutablePath) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (string arg in HeadlessChromium.Args) start.ArgumentList.Add(arg);
            start.ArgumentList.Add("--user-data-dir=" + profile.FullName);
            start.ArgumentList.Add($"{pageUrl}&auto={messages},{invokes},{rounds}");
            using var chromium = Process.Start(start) ?? throw new InvalidOperationException("could not start " + HeadlessChromium.ExecutablePath);
            chromium.OutputDataReceived += (_, _) => { };
            chromium.ErrorDataReceived += (_, _) => { }; // Chromium's own logging, not the page's
            chromium.BeginOutputReadLine();
            chromium.BeginErrorReadLine();
            try
            {
                Task exited = chromium.WaitForExitAsync();
                Task finished = await Task.WhenAny(engine.PageResult, exited, Task.Delay(TimeSpan.FromMinutes(5))).ConfigureAwait(false);
                if (finished == exited) throw new InvalidOperationException($"Chromium exited ({chromium.ExitCode}) before bench.html sent its result");
                if (finished != engine.PageResult) throw new TimeoutException("bench.html sent no result within 5 minutes");
                (string userAgent, string json) = await engine.PageResult.ConfigureAwait(false);
                var chrome = System.Text.RegularExpressions.Regex.Match(userAgent, @"(Headless)?Chrome/[\d.]+");
                return ((chrome.Success ? chrome.Value : userAgent) + " run alone (no DevTools client)", json, engine.PageErrors.ToArray());
            }
            finally
            {
                if (!chromium.HasExited) chromium.Kill(entireProcessTree: true);
                await chromium.WaitForExitAsync().ConfigureAwait(false);
                try { profile.Delete(recursive: true); } catch (IOException) { /* Chromium's last writes; a temp folder */ }
            }
        }

        private static async Task<(string, string, IReadOnlyList<string>)> RunWithPlaywrightAsync(string pageUrl, int messages, int invokes, int rounds)
        {
            (IPlaywright playwright, IBrowser browser) = await HeadlessChromium.LaunchAsync(TimeSpan.FromMinutes(1));
            using IPlaywright disposePlaywright = playwright;
            await using IBrowser disposeBrowser = browser;
            IPage page = await browser.NewPageAsync();
            var errors = new ConcurrentQueue<string>();
            page.PageError += (_, error) => errors.Enqueue(error);
            page.SetDefaultTimeout(300_000);
            await page.GotoAsync(pageUrl);
            string json = await page.EvaluateAsync<string>("([m, i, r]) => runBench(m, i, r)", new[] { messages, invokes, rounds });
            return ("Chromium " + browser.Version + " driven over DevTools (Playwright)", json, errors.ToArray());
        }
    }
}
