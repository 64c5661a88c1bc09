using System;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace FrameIpc.TestSupport
{
    /// <summary>
    /// The machine's Debian Chromium, driven by Playwright: Playwright's own browser download cannot run here, and without
    /// the background-networking flags Chromium keeps dialling hosts this closed network refuses. Shared by every
    /// .NET-only project that opens a page (compiled into each from this folder).
    /// </summary>
    internal static class HeadlessChromium
    {
        public const string ExecutablePath = "/usr/bin/chromium";

        public static readonly string[] Args =
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
        };

        /// <summary>Starts Playwright and launches Chromium; dispose the Playwright instance after closing the browser.</summary>
        public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(TimeSpan timeout)
        {
            var playwright = await Playwright.CreateAsync();
            try
            {
                var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = ExecutablePath,
                    Headless = true,
                    Args = Args,
                    Timeout = (float)timeout.TotalMilliseconds,
                });
                return (playwright, browser);
            }
            catch
            {
                playwright.Dispose();
                throw;
            }
        }
    }
}
