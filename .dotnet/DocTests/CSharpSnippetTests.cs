using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using NUnit.Framework;

namespace FrameIpc.DocTests
{
    /// <summary>
    /// Every C# snippet of README.md and Documentation~/*.md, read from the document, compiles at C# 9 (on .NET and against
    /// .NET Standard 2.1, the API a Unity script has) and runs to the
    /// end without an exception and without hanging. Glue for browser SDKs we do not have (Vuplex, UnityWebBrowser,
    /// CefSharp, WebView2) runs against stand-ins of the members it names (Scaffolds/); the stand-ins only prove the glue
    /// is well-formed C# against FrameIPC's API, not that the SDKs behave so.
    /// </summary>
    public class CSharpSnippetTests
    {
        private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(30);

        public static IEnumerable Snippets() =>
            DocSnippet.All().Where(s => s.Language == "csharp" || s.Language == "cs").Select(s => new TestCaseData(s).SetName("C# snippet " + s.Name));

        /// <summary>
        /// Code blocks in languages these tests do not run, with the reason. A block in any other language fails
        /// <see cref="EverySnippetIsRunOrExcludedWithAReason"/> until it is run or listed here.
        /// </summary>
        public static readonly Dictionary<string, string> NotRun = new Dictionary<string, string>
        {
            ["sh"] = "shell commands: CI runs the README's test command (.tools/test.sh) itself, and the demo by its tests",
            ["bash"] = "shell commands, as sh",
            ["json"] = "data, not code: the manifest example and the protocol's envelopes (the PackageTests and the protocol tests check both)",
            ["ts"] = "TypeScript: browser.md's typed-channel map is type-checked against ipc-renderer.d.ts by PackageTests/TypeScriptTypingsTests, " +
                "contracts.md's page by ContractTests/TypeScriptContractCheckTests (strict tsc against the HUD's generated map)",
            ["js"] = "page JavaScript fragments (browser.md's frames: frameOrigins, an ipc-message listener; its MessagePort example): " +
                "IntegrationTests/FrameSuite and PortSuite run the same calls in Chromium, and PackageTests/TypeScriptTypingsTests compiles " +
                "postMessage with a transfer list and event.ports under strict tsc",
            [""] = "no language: a listing or a program's output, not code",
            ["text"] = "a listing or a program's output, not code",
        };

        [Test]
        public void EverySnippetIsRunOrExcludedWithAReason()
        {
            var all = DocSnippet.All();
            Assert.That(all.Count(s => s.Document == "README.md" && s.Language == "csharp"), Is.GreaterThanOrEqualTo(4), "README's C# snippets were found");
            var unknown = all.Where(s => s.Language != "csharp" && s.Language != "cs" && s.Language != "html" && !NotRun.ContainsKey(s.Language))
                .Select(s => $"{s.Name} ({(s.Language.Length == 0 ? "no language" : s.Language)})").ToList();
            Assert.That(unknown, Is.Empty, "code blocks neither run nor excluded with a reason");
        }

        [TestCaseSource(nameof(Snippets))]
        public void RunsAsWritten(DocSnippet snippet)
        {
            var image = SnippetRunner.Compile(snippet);
            var failure = SnippetRunner.Run(snippet, image, HangLimit, out var scaffold);
            try
            {
                Assert.That(failure, Is.Null, $"{snippet} threw: {failure}");
            }
            finally
            {
                scaffold.GetMethod("Shutdown", BindingFlags.Public | BindingFlags.Static).Invoke(null, null);
            }
        }

        [Test]
        public void TheEngineQuickstartReachesThePageAndGetsItsAnswer()
        {
            var quickstart = DocSnippet.Read("README.md").First(s => s.Language == "csharp" && s.Code.Contains("var ipcMain = new IpcMain();"));
            var failure = SnippetRunner.Run(quickstart, SnippetRunner.Compile(quickstart), HangLimit, out var scaffold);
            try
            {
                Assert.That(failure, Is.Null, $"the quickstart threw: {failure}");
                var saw = (List<string>)scaffold.GetProperty("PageSaw").GetValue(null);
                lock (saw) Assert.That(saw, Is.EqualTo(new[] { "hud:health 87", "dialog:confirm Quit?" }), "the held send, then the invoke, in order");
            }
            finally
            {
                scaffold.GetMethod("Shutdown", BindingFlags.Public | BindingFlags.Static).Invoke(null, null);
            }
        }

        [Test]
        public void TheDevServerSnippetsStartAServerAndTheRunnerStopsIt()
        {
            var servers = DocSnippet.All().Where(s => s.Language == "csharp" && s.Code.Contains("new WebSocketDevServer(")).ToList();
            Assert.That(servers, Is.Not.Empty);
            foreach (var snippet in servers)
            {
                var output = new System.IO.StringWriter();
                var console = Console.Out;
                Console.SetOut(output);
                Exception failure;
                Type scaffold;
                try { failure = SnippetRunner.Run(snippet, SnippetRunner.Compile(snippet), HangLimit, out scaffold); }
                finally { Console.SetOut(console); }
                try
                {
                    Assert.That(failure, Is.Null, $"{snippet} threw: {failure}");
                    var log = (List<string>)scaffold.GetProperty("log").GetValue(null);
                    var printed = output + string.Join("\n", log);
                    var url = System.Text.RegularExpressions.Regex.Match(printed, @"http://127\.0\.0\.1:(\d+)/");
                    Assert.That(url.Success, Is.True, $"{snippet} printed its page's URL: {printed}");
                    using var probe = new System.Net.Sockets.TcpClient();
                    var refused = Assert.Throws<System.Net.Sockets.SocketException>(() => probe.Connect("127.0.0.1", int.Parse(url.Groups[1].Value)));
                    Assert.That(refused.SocketErrorCode, Is.EqualTo(System.Net.Sockets.SocketError.ConnectionRefused), $"{snippet}'s server was stopped after it ran");
                }
                finally
                {
                    scaffold.GetMethod("Shutdown", BindingFlags.Public | BindingFlags.Static).Invoke(null, null);
                }
            }
        }

        [Test]
        public void ASnippetWithAStaticFieldAtTopLevelDoesNotCompile()
        {
            // The typed-channel snippet once began so: valid in a class, an error in a file of statements.
            var planted = new DocSnippet("planted.md", 7, "csharp",
                "static readonly IpcChannel<int> Health = new IpcChannel<int>(\"hud:health\");\nhud.Send(Health, 87);\n", null);
            var ex = Assert.Throws<InvalidOperationException>(() => SnippetRunner.Compile(planted));
            Assert.That(ex.Message, Does.StartWith("planted.md:7 does not compile"));
            Assert.That(ex.Message, Does.Contain("planted.md(8,"), "errors point at the document's own lines");
        }

        [Test]
        public void ASnippetUsingAnApiPastNetStandard21DoesNotCompile()
        {
            // Task.WaitAsync is .NET 6+: it runs here, but a Unity script cannot call it.
            var planted = new DocSnippet("planted.md", 3, "csharp", "await Task.Delay(1).WaitAsync(TimeSpan.FromSeconds(5));\n", null);
            var ex = Assert.Throws<InvalidOperationException>(() => SnippetRunner.Compile(planted));
            Assert.That(ex.Message, Does.StartWith("planted.md:3 does not compile against .NET Standard 2.1, as in Unity"));
            Assert.That(ex.Message, Does.Contain("WaitAsync"));
        }

        [Test]
        public void ASnippetThatAwaitsBeforeAnythingTicksIsReportedAsHung()
        {
            var hangs = new DocSnippet("planted.md", 1, "csharp",
                "var view = ipcMain.Attach(transport);\nbool quit = await view.InvokeAsync<string, bool>(\"dialog:confirm\", \"Quit?\");\n", null);
            var image = SnippetRunner.Compile(hangs);
            Type scaffold = null;
            try
            {
                var ex = Assert.Throws<TimeoutException>(() => SnippetRunner.Run(hangs, image, TimeSpan.FromSeconds(2), out scaffold));
                Assert.That(ex.Message, Does.Contain("planted.md:1 hung"));
            }
            finally
            {
                // The hung program's thread is a background thread; stopping the page and the engine ends its wait.
                scaffold?.GetMethod("Shutdown", BindingFlags.Public | BindingFlags.Static).Invoke(null, null);
            }
        }
    }
}
