using System.Collections.Generic;
using NUnit.Framework;

namespace FrameIpc.Tests.Protocol
{
    /// <summary>
    /// Unity 2021.3 and 2022.3 cannot load FrameIPC's generator (it is built against Microsoft.CodeAnalysis 4.3, which
    /// Unity 6 runs), so a type marked [IpcMessage] there gets no generated codec. It must still cross, through the
    /// Newtonsoft path, as exactly the JSON an unmarked twin produces. This assembly is compiled without the generator
    /// (in Unity and in .dotnet/Tests alike), which is that situation.
    /// </summary>
    public class UngeneratedMessageTests
    {
        [IpcMessage]
        public sealed class MarkedState
        {
            public int Hp { get; set; }
            public double X;
            public string Name { get; set; }
            public List<int> Ammo { get; set; }
            public Dictionary<string, bool> Flags { get; set; }
        }

        public sealed class UnmarkedState
        {
            public int Hp { get; set; }
            public double X;
            public string Name { get; set; }
            public List<int> Ammo { get; set; }
            public Dictionary<string, bool> Flags { get; set; }
        }

        private const string Expected = "{\"x\":-3.25,\"hp\":87,\"name\":\"Ranger \\\"7\\\"\",\"ammo\":[30,0],\"flags\":{\"Alive\":true}}";

        private static MarkedState Marked() => new MarkedState
        {
            Hp = 87, X = -3.25, Name = "Ranger \"7\"", Ammo = new List<int> { 30, 0 }, Flags = new Dictionary<string, bool> { ["Alive"] = true },
        };

        private static UnmarkedState Unmarked() => new UnmarkedState
        {
            Hp = 87, X = -3.25, Name = "Ranger \"7\"", Ammo = new List<int> { 30, 0 }, Flags = new Dictionary<string, bool> { ["Alive"] = true },
        };

        [Test]
        public void NoCodecWasGeneratedForThisAssembly()
        {
            Assert.That(IpcCodecs.Find<MarkedState>(), Is.Null);
        }

        [Test]
        public void AMarkedTypeWithoutACodec_IsSentAsTheSameJsonAsItsUnmarkedTwin_BothWays()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            string up = null, twinUp = null, down = null, twinDown = null;
            rig.Main.On("marked", e => up = e.ArgJson(0));
            rig.Main.On("twin", e => twinUp = e.ArgJson(0));
            view.On("marked", e => down = e.ArgJson(0));
            view.On("twin", e => twinDown = e.ArgJson(0));

            view.Send("marked", Marked());
            view.Send("twin", Unmarked());
            contents.Send("marked", Marked());
            contents.Send("twin", Unmarked());
            rig.Pump(() => up != null && twinUp != null && down != null && twinDown != null);

            Assert.That(twinUp, Is.EqualTo(Expected));
            Assert.That(up, Is.EqualTo(twinUp));
            Assert.That(down, Is.EqualTo(twinDown));
            Assert.That(down, Is.EqualTo(Expected));
        }

        [Test]
        public void AMarkedTypeWithoutACodec_IsReadBackWhole_AndAMismatchIsStillAnError()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            MarkedState got = null;
            string error = null;
            rig.Main.On("marked", e => got = e.Arg<MarkedState>(0));
            rig.Main.On("bad", e =>
            {
                try { e.Arg<MarkedState>(0); }
                catch (IpcException ex) { error = ex.Message; }
            });
            view.Send("marked", Marked());
            view.Send("bad", "seven");
            rig.Pump(() => got != null && error != null);

            Assert.That(got.Hp, Is.EqualTo(87));
            Assert.That(got.X, Is.EqualTo(-3.25));
            Assert.That(got.Name, Is.EqualTo("Ranger \"7\""));
            Assert.That(got.Ammo, Is.EqualTo(new[] { 30, 0 }));
            Assert.That(got.Flags["Alive"], Is.True);
            Assert.That(error, Does.Contain("arg 0 of 'bad'"));
        }
    }
}
