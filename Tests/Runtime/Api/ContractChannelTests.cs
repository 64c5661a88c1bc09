using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Api
{
    /// <summary>Contract channels carry their payloads in each of the four directions (misuse is a compile error, checked in .dotnet/ContractTests).</summary>
    public class ContractChannelTests
    {
        private static class Game
        {
            public static readonly PageToEngine<int[]> Aim = new PageToEngine<int[]>("game:aim");
            public static readonly PageToEngine<IpcVoid> Ping = new PageToEngine<IpcVoid>("game:ping");
            public static readonly EngineToPage<string> Notify = new EngineToPage<string>("game:notify");
            public static readonly EngineToPage<IpcVoid> Flash = new EngineToPage<IpcVoid>("game:flash");
            public static readonly PageInvoke<string, int> Count = new PageInvoke<string, int>("game:count");
            public static readonly PageInvoke<IpcVoid, string> Reload = new PageInvoke<IpcVoid, string>("game:reload");
            public static readonly PageInvoke<int, string> SlowName = new PageInvoke<int, string>("game:slow-name");
            public static readonly EngineInvoke<string, bool> Confirm = new EngineInvoke<string, bool>("game:confirm");
            public static readonly EngineInvoke<IpcVoid, int> Version = new EngineInvoke<IpcVoid, int>("game:version");
            public static readonly EngineInvoke<int, int> SlowDouble = new EngineInvoke<int, int>("game:slow-double");
        }

        [Test]
        public void EachDirectionCarriesItsPayload()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            var seen = new List<string>();
            rig.Main.On(Game.Aim, (e, xy) => seen.Add("aim " + xy[0] + "," + xy[1]));
            rig.Main.On(Game.Ping, e => seen.Add("ping"));
            rig.Main.Once(Game.Aim, (e, xy) => seen.Add("first aim"));
            rig.Main.Handle(Game.Count, (e, item) => item.Length);
            rig.Main.Handle(Game.Reload, e => "reloaded");
            rig.Main.Handle(Game.SlowName, async (e, id, ct) => { await Task.Yield(); return "item" + id; });
            view.On(Game.Notify, (e, text) => seen.Add("notify " + text));
            view.Once(Game.Notify, (e, text) => seen.Add("first notify"));
            view.Handle(Game.Confirm, (e, text) => text == "quit?");
            view.Handle(Game.SlowDouble, async (e, n, ct) => { await Task.Yield(); return n * 2; });

            view.Send(Game.Aim, new[] { 3, 4 });
            view.Send(Game.Ping);
            contents.Send(Game.Notify, "one");
            rig.Main.Broadcast(Game.Notify, "all");
            rig.Pump(() => seen.Count == 6);

            Assert.That(seen, Is.EquivalentTo(new[] { "aim 3,4", "first aim", "ping", "notify one", "first notify", "notify all" }));
            Assert.That(rig.Await(view.InvokeAsync(Game.Count, "potions")), Is.EqualTo(7));
            Assert.That(rig.Await(view.InvokeAsync(Game.Reload)), Is.EqualTo("reloaded"));
            Assert.That(rig.Await(view.InvokeAsync(Game.SlowName, 4)), Is.EqualTo("item4"));
            Assert.That(rig.Await(contents.InvokeAsync(Game.Confirm, "quit?")), Is.True);
            Assert.That(rig.Await(contents.InvokeAsync(Game.SlowDouble, 21)), Is.EqualTo(42));
        }

        [Test]
        public void ANoPayloadChannelSendsNoArgumentsAndAMissingHandlerIsTheUsualError()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            int count = -1;
            view.On(Game.Flash.Name, e => count = e.ArgCount);
            contents.Send(Game.Flash);
            rig.Pump(() => count >= 0);
            Assert.That(count, Is.EqualTo(0));
            Assert.That(rig.AwaitFailure(contents.InvokeAsync(Game.Version)), Is.InstanceOf<IpcException>());
        }

        [Test]
        public void RemoveHandlerTakesTheContractChannel()
        {
            using var rig = new IpcRig();
            rig.Main.Handle(Game.Reload, e => "reloaded");
            rig.Main.RemoveHandler(Game.Reload);
            Assert.That(rig.Main.HasHandler(Game.Reload.Name), Is.False);
        }

        [Test]
        public void ABadChannelNameIsRefusedAtDeclaration()
        {
            Assert.That(() => new PageToEngine<int>(""), Throws.ArgumentException);
            Assert.That(() => new EngineToPage<int>(null), Throws.ArgumentNullException);
            Assert.That(() => new PageInvoke<int, int>(""), Throws.ArgumentException);
            Assert.That(() => new EngineInvoke<int, int>(null), Throws.ArgumentNullException);
            Assert.That(Game.Confirm.ToString(), Is.EqualTo("game:confirm"));
        }
    }
}
