using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace FrameIpc.ContractTests
{
    /// <summary>
    /// Contract channels carry their payloads in the four directions, and using one in the other direction does not
    /// compile (checked with Roslyn against the built FrameIpc assembly, so a too-permissive overload would be caught).
    /// </summary>
    public sealed class ContractChannelTests
    {
        [Test]
        public void EveryDirectionDeliversItsPayload()
        {
            using var main = new IpcMain();
            var (engineEnd, viewEnd) = InMemoryTransport.CreatePair();
            WebContents contents = main.Attach(engineEnd);
            using var page = new IpcRenderer(viewEnd);
            var seen = new List<string>();
            main.On(GameContract.Move, (e, move) => seen.Add("move " + move.Dx + "," + move.Dy));
            main.On(GameContract.Ping, e => seen.Add("ping"));
            main.Handle(GameContract.GetPlayer, (e, id) => new PlayerState { Name = "p" + id, HP = id * 10 });
            page.On(GameContract.State, (e, state) => seen.Add("state " + state.Name));
            page.Handle(GameContract.Confirm, (e, text) => text == "quit?");
            page.Connect();
            Pump(main, page, () => page.IsReady && contents.IsReady);

            page.Send(GameContract.Move, new Move { Dx = 1, Dy = 2 });
            page.Send(GameContract.Ping);
            contents.Send(GameContract.State, new PlayerState { Name = "one" });
            main.Broadcast(GameContract.State, new PlayerState { Name = "all" });
            Task<PlayerState> player = page.InvokeAsync(GameContract.GetPlayer, 7).AsTask();
            Task<bool> confirmed = contents.InvokeAsync(GameContract.Confirm, "quit?").AsTask();
            Pump(main, page, () => seen.Count >= 4 && player.IsCompleted && confirmed.IsCompleted);

            Assert.That(seen, Is.EquivalentTo(new[] { "move 1,2", "ping", "state one", "state all" }));
            Assert.That(player.Result.Name, Is.EqualTo("p7"));
            Assert.That(player.Result.HP, Is.EqualTo(70));
            Assert.That(confirmed.Result, Is.True);
        }

        [Test]
        public void ADeclarationWithABadChannelNameThrows()
        {
            Assert.Throws<ArgumentNullException>(() => new PageToEngine<int>(null!));
            Assert.That(new EngineInvoke<int, int>("a:b").ToString(), Is.EqualTo("a:b"));
        }

        private const string Prelude = @"
using FrameIpc;
using FrameIpc.ContractTests;
static class Page
{
    static async System.Threading.Tasks.Task Run(IpcMain main, WebContents view, IpcRenderer renderer)
    {
        await System.Threading.Tasks.Task.Yield();
";

        [Test]
        public void CorrectUseCompiles()
        {
            Assert.That(Compile(@"
        main.On(GameContract.Move, (e, m) => System.Console.WriteLine(m.Dx));
        main.On(GameContract.Ping, e => { });
        main.Handle(GameContract.GetPlayer, (e, id) => new PlayerState());
        main.Broadcast(GameContract.State, new PlayerState());
        view.Send(GameContract.State, new PlayerState());
        bool ok = await view.InvokeAsync(GameContract.Confirm, ""q"");
        renderer.Send(GameContract.Move, new Move());
        renderer.On(GameContract.State, (e, s) => System.Console.WriteLine(s.Name));
        PlayerState p = await renderer.InvokeAsync(GameContract.GetPlayer, 1);
        renderer.Handle(GameContract.Confirm, (e, text) => text.Length > 0);"), Is.Empty);
        }

        [TestCase("view.Send(GameContract.Move, new Move());", TestName = "The engine cannot send on a page-to-engine channel")]
        [TestCase("main.Broadcast(GameContract.Move, new Move());", TestName = "The engine cannot broadcast on a page-to-engine channel")]
        [TestCase("main.On(GameContract.State, (e, s) => { });", TestName = "The engine cannot listen on an engine-to-page channel")]
        [TestCase("main.Handle(GameContract.Confirm, (e, s) => true);", TestName = "The engine cannot handle an engine invoke")]
        [TestCase("await view.InvokeAsync(GameContract.GetPlayer, 1);", TestName = "The engine cannot invoke a page invoke")]
        [TestCase("main.Handle(GameContract.GetPlayer, (e, id) => \"not a player\");", TestName = "A handler of the wrong result type")]
        [TestCase("main.On(GameContract.Move, (IpcEvent e, int m) => { });", TestName = "A listener of the wrong payload type")]
        [TestCase("renderer.Send(GameContract.State, new PlayerState());", TestName = "The page cannot send on an engine-to-page channel")]
        [TestCase("renderer.On(GameContract.Move, (e, m) => { });", TestName = "The page cannot listen on a page-to-engine channel")]
        [TestCase("await renderer.InvokeAsync(GameContract.Confirm, \"q\");", TestName = "The page cannot invoke an engine invoke")]
        [TestCase("await renderer.InvokeAsync(GameContract.GetPlayer, \"seven\");", TestName = "An invoke with the wrong argument type")]
        public void MisuseDoesNotCompile(string misuse)
        {
            Assert.That(Compile(misuse), Is.Not.Empty, "compiled: " + misuse);
        }

        private static List<string> Compile(string body)
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(Prelude + body + "\n    }\n}\n", new CSharpParseOptions(LanguageVersion.CSharp9));
            IEnumerable<MetadataReference> references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
                .Split(System.IO.Path.PathSeparator)
                .Concat(new[] { typeof(IpcMain).Assembly.Location, typeof(GameContract).Assembly.Location })
                .Distinct()
                .Select(path => MetadataReference.CreateFromFile(path));
            var compilation = CSharpCompilation.Create("misuse", new[] { tree }, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        }

        private static void Pump(IpcMain main, IpcRenderer page, Func<bool> until)
        {
            // A bound on turns, not on time: the in-memory pair delivers within a few ticks.
            for (int i = 0; i < 10_000 && !until(); i++)
            {
                page.Tick();
                main.Tick();
                System.Threading.Thread.Yield();
            }
            Assert.That(until(), Is.True, "the exchange did not finish");
        }
    }
}
