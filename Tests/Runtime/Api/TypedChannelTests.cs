using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Api
{
    public class TypedChannelTests
    {
        private static readonly IpcChannel<int> Health = new IpcChannel<int>("hud:health");
        private static readonly IpcInvokeChannel<string, int> Count = new IpcInvokeChannel<string, int>("inventory:count");
        private static readonly IpcInvokeChannel<int, string> SlowName = new IpcInvokeChannel<int, string>("slow:name");

        [Test]
        public void TypedChannelsCarryTheirTypesBothWays()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            int health = 0;
            view.On(Health, (e, hp) => health = hp);
            rig.Main.Handle(Count, (e, item) => item.Length);
            rig.Main.Handle(SlowName, async (e, id, ct) => { await Task.Yield(); return "item" + id; });

            contents.Send(Health, 87);
            rig.Pump(() => health == 87);
            Assert.That(rig.Await(view.InvokeAsync(Count, "potions")), Is.EqualTo(7));
            Assert.That(rig.Await(view.InvokeAsync(SlowName, 4)), Is.EqualTo("item4"));
            Assert.That(Health.ToString(), Is.EqualTo("hud:health"));
        }

        [Test]
        public void AnEmptyChannelNameIsRefusedAtDeclaration()
        {
            Assert.That(() => new IpcChannel<int>(""), Throws.ArgumentException);
            Assert.That(() => new IpcInvokeChannel<int, int>(null), Throws.ArgumentNullException);
        }
    }
}
