using System;
using System.Collections.Generic;
using FrameIpc.Tests;
using NUnit.Framework;

namespace FrameIpc.CodecTests
{
    /// <summary>
    /// A generated type's first message builds nothing by reflection (issue 12: Newtonsoft making its contracts is what
    /// stalled the first typed message of a process for hundreds of milliseconds). Newtonsoft's resolver is never asked
    /// for a contract of the type or of its marked members, either way; an unmarked twin is, which shows the check can fail.
    /// These types are used by no other test, so their first use is here.
    /// </summary>
    public class FirstUseTests
    {
        [Test]
        public void TheFirstMessagesOfAGeneratedType_MakeNoNewtonsoftContract_EitherWay()
        {
            var asked = new List<Type>();
            IpcContractResolver.ContractMade = type => { lock (asked) asked.Add(type); };
            try
            {
                using var ipc = IpcHarness.Connected();
                FirstUseState atEngine = null, atPage = null;
                ipc.Main.On<FirstUseState>("first:up", (e, state) => atEngine = state);
                ipc.View.On<FirstUseState>("first:down", (e, state) => atPage = state);

                ipc.View.Send("first:up", FirstUseState.Sample());
                ipc.Links[0].Contents.Send("first:down", FirstUseState.Sample());
                ipc.TickAll();
                ipc.TickAll();

                FirstUseState.Check(atEngine);
                FirstUseState.Check(atPage);
                Assert.That(asked, Has.No.Member(typeof(FirstUseState)));
                Assert.That(asked, Has.No.Member(typeof(FirstUseSpot)));
                Assert.That(asked, Has.No.Member(typeof(double[])), "an array member is read and written by the generated code too");
                Assert.That(asked, Has.No.Member(typeof(Dictionary<string, int>)), "so is a dictionary member");
            }
            finally
            {
                IpcContractResolver.ContractMade = null;
            }
        }

        [Test]
        public void TheFirstMessageOfAnUnmarkedType_DoesMakeItsContract()
        {
            var asked = new List<Type>();
            IpcContractResolver.ContractMade = type => { lock (asked) asked.Add(type); };
            try
            {
                using var ipc = IpcHarness.Connected();
                UnmarkedFirstUseState received = null;
                ipc.Main.On<UnmarkedFirstUseState>("twin", (e, state) => received = state);
                ipc.View.Send("twin", new UnmarkedFirstUseState { Hp = 87, Name = "ada" });
                ipc.TickAll();

                Assert.That(received?.Hp, Is.EqualTo(87));
                Assert.That(asked, Has.Member(typeof(UnmarkedFirstUseState)));
            }
            finally
            {
                IpcContractResolver.ContractMade = null;
            }
        }
    }

    [IpcMessage]
    public sealed class FirstUseState
    {
        public int Hp { get; set; }
        public string Name { get; set; }
        public double[] Path { get; set; }
        public Dictionary<string, int> Ammo { get; set; }
        public FirstUseSpot Spot { get; set; }

        public static FirstUseState Sample() => new FirstUseState
        {
            Hp = 87, Name = "Ranger", Path = new[] { 1.5, -2.0 }, Ammo = new Dictionary<string, int> { ["rifle"] = 30 },
            Spot = new FirstUseSpot { X = 3, Y = 4 },
        };

        public static void Check(FirstUseState s)
        {
            Assert.That(s, Is.Not.Null);
            Assert.That(s.Hp, Is.EqualTo(87));
            Assert.That(s.Name, Is.EqualTo("Ranger"));
            Assert.That(s.Path, Is.EqualTo(new[] { 1.5, -2.0 }));
            Assert.That(s.Ammo["rifle"], Is.EqualTo(30));
            Assert.That(s.Spot.X + s.Spot.Y, Is.EqualTo(7));
        }
    }

    [IpcMessage]
    public struct FirstUseSpot
    {
        public int X;
        public int Y;
    }

    /// <summary>Not marked: Newtonsoft makes its contract on first use.</summary>
    public sealed class UnmarkedFirstUseState
    {
        public int Hp { get; set; }
        public string Name { get; set; }
    }
}
