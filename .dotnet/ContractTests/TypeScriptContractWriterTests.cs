using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FrameIpc.Editor;
using FrameIpc.PackageTests;
using FrameIpc.Samples.HudOverlay;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using NUnit.Framework;

namespace FrameIpc.ContractTests
{
    /// <summary>What the generator writes for a contract, and that it names members as the wire does.</summary>
    public sealed class TypeScriptContractWriterTests
    {
        private static string Game => TypeScriptContractWriter.Write(new[] { typeof(GameContract) });

        [Test]
        public void TheHudSamplesCheckedInTypingsAreWhatItsContractGenerates()
        {
            string checkedIn = File.ReadAllText(PackageRoot.Combine("Samples~/HudOverlay/hud-channels.d.ts")).Replace("\r\n", "\n");
            string generated = TypeScriptContractWriter.Write(new[] { typeof(HudChannels) });
            Assert.That(checkedIn, Is.EqualTo(generated),
                "Samples~/HudOverlay/hud-channels.d.ts is stale: regenerate it from HudChannels.cs (see its doc comment)");
        }

        [Test]
        public void TheCommandWritesTheSameAsTheMenuItemsGenerator()
        {
            string output = Path.Combine(Path.GetTempPath(), "frameipc-contract-" + Guid.NewGuid().ToString("N") + ".d.ts");
            try
            {
                int code = FrameIpc.ContractGen.Program.Main(new[] { typeof(HudChannels).Assembly.Location, output, typeof(HudChannels).FullName! });
                Assert.That(code, Is.EqualTo(0));
                Assert.That(File.ReadAllText(output), Is.EqualTo(TypeScriptContractWriter.Write(new[] { typeof(HudChannels) })));
            }
            finally
            {
                File.Delete(output);
            }
        }

        [Test]
        public void TheCommandFindsEveryContractOfAnAssemblyAndRefusesAnUnknownName()
        {
            string all = FrameIpc.ContractGen.Program.Generate(typeof(GameContract).Assembly.Location, Array.Empty<string>());
            Assert.That(all, Does.Contain("export interface GameChannels {").And.Not.Contain("broken:map"));
            var error = Assert.Throws<ArgumentException>(() =>
                FrameIpc.ContractGen.Program.Generate(typeof(GameContract).Assembly.Location, new[] { "No.Such.Contract" }));
            Assert.That(error!.Message, Does.Contain("no [IpcContract] class named No.Such.Contract"));
            Assert.That(FrameIpc.ContractGen.Program.Main(new[] { "only-one-argument" }), Is.EqualTo(2));
        }

        [TestCase("  'game:move': { direction: 'page-to-engine'; args: [move: Move] };")]
        [TestCase("  'game:state': { direction: 'engine-to-page'; args: [state: PlayerState] };")]
        [TestCase("  'game:get-player': { direction: 'page-invoke'; args: [getPlayer: number]; result: PlayerState };")]
        [TestCase("  'game:confirm': { direction: 'engine-invoke'; args: [confirm: string]; result: boolean };")]
        [TestCase("  'game:ping': { direction: 'page-to-engine'; args: [] };")]
        [TestCase("  'game:scores': { direction: 'engine-to-page'; args: [scores: Record<string, number>] };")]
        [TestCase("export type Team = 1 | 2;")]
        [TestCase("/** FrameIpc.ContractTests.Team, as its number: Red = 1, Blue = 2. */")]
        [TestCase("  title: string | null;")]
        [TestCase("  name: string;")]
        [TestCase("  hp: number;")]
        [TestCase("  team: Team;")]
        [TestCase("  shield: number | null;")]
        [TestCase("  scores: number[];")]
        [TestCase("  items: Item[];")]
        [TestCase("  stats: Record<string, number>;")]
        [TestCase("  avatar: Uint8Array;")]
        [TestCase("  joined: Date;")]
        [TestCase("  position: { x: number; y: number; z: number };")]
        [TestCase("  ID: string;")]
        [TestCase("  partner: PlayerState | null;")]
        [TestCase("  urlPath: string;")]
        [TestCase("  dx: number;")]
        public void EachChannelAndMemberIsMappedAsItCrosses(string line)
        {
            Assert.That(Game.Split('\n'), Has.Member(line), Game);
        }

        [Test]
        public void IgnoredMembersAndNonChannelFieldsAreLeftOut()
        {
            Assert.That(Game, Does.Not.Contain("secret").And.Not.Contain("version"));
        }

        [Test]
        public void InterfaceMembersAreTheNamesNewtonsoftWritesWithTheCamelCaseConvention()
        {
            var settings = new JsonSerializerSettings
            {
                ContractResolver = new DefaultContractResolver
                {
                    NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false, OverrideSpecifiedNames = false },
                },
            };
            var state = new PlayerState { Items = { new Item() } };
            JObject json = JObject.Parse(JsonConvert.SerializeObject(state, settings));
            Assert.That(Members(Game, "PlayerState"), Is.EquivalentTo(json.Properties().Select(p => p.Name)));
            Assert.That(Members(Game, "Item"), Is.EquivalentTo(((JObject)json["items"]![0]!).Properties().Select(p => p.Name)));
        }

        [TestCase("Name"), TestCase("HP"), TestCase("URLPath"), TestCase("ID"), TestCase("iOS"), TestCase("X1Y2"), TestCase("ABC DEF"),
         TestCase("already"), TestCase("A"), TestCase("_Under"), TestCase("PersonID"), TestCase("IPAddress")]
        public void CamelCaseMatchesNewtonsoft(string name)
        {
            Assert.That(TypeScriptTypeMapper.CamelCase(name), Is.EqualTo(new CamelCaseNamingStrategy().GetPropertyName(name, false)));
        }

        [Test]
        public void ATypeThatCannotCrossIsAClearErrorNamingTheMember()
        {
            var error = Assert.Throws<NotSupportedException>(() => TypeScriptContractWriter.Write(new[] { typeof(BrokenContracts.IntKeys) }));
            Assert.That(error!.Message, Does.Contain("BrokenContracts+IntKeys.Map (argument)").And.Contain("keys that are not strings"));
        }

        [Test]
        public void AChannelDeclaredTwiceIsAnError()
        {
            var error = Assert.Throws<InvalidOperationException>(() => TypeScriptContractWriter.Write(new[] { typeof(BrokenContracts.Twice) }));
            Assert.That(error!.Message, Does.Contain("channel 'dup' is declared twice"));
        }

        [Test]
        public void NoContractIsAnError()
        {
            Assert.Throws<ArgumentException>(() => TypeScriptContractWriter.Write(Array.Empty<Type>()));
        }

        private static List<string> Members(string typings, string type)
        {
            string[] lines = typings.Split('\n');
            int start = Array.IndexOf(lines, "export interface " + type + " {");
            Assert.That(start, Is.GreaterThanOrEqualTo(0), typings);
            return lines.Skip(start + 1).TakeWhile(l => l != "}").Select(l => l.Trim().Split(':')[0]).ToList();
        }
    }
}
