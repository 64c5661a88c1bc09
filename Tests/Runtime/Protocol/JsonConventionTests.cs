using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using NUnit.Framework;

namespace FrameIpc.Tests.Protocol
{
    /// <summary>
    /// Names on the wire are camelCase by default (what a page expects), an explicit [JsonProperty] name and dictionary
    /// keys are kept, and each endpoint may choose its own conventions through <see cref="IpcOptions.Json"/>, which can
    /// never turn type names on or lift the depth limit.
    /// </summary>
    public class JsonConventionTests
    {
        public sealed class PlayerState
        {
            public int Hp;
            public string DisplayName { get; set; }
            [JsonProperty("ID")] public int Id;
            public Dictionary<string, int> Counts;
        }

        public sealed class Boxed
        {
            public object Payload;
        }

        private static PlayerState Sample() =>
            new PlayerState { Hp = 87, DisplayName = "Ada", Id = 3, Counts = new Dictionary<string, int> { ["MaxHp"] = 100 } };

        private const string SampleCamel = "{\"hp\":87,\"ID\":3,\"counts\":{\"MaxHp\":100},\"displayName\":\"Ada\"}";
        private const string SamplePascal = "{\"Hp\":87,\"ID\":3,\"Counts\":{\"MaxHp\":100},\"DisplayName\":\"Ada\"}";

        private static string SentFromView(IpcOptions options, Func<IpcRenderer, Action> send)
        {
            using var rig = new IpcRig(options);
            var (_, view) = rig.AddView();
            string got = null;
            rig.Main.On("x", e => got = e.ArgJson(0));
            send(view)();
            rig.Pump(() => got != null);
            return got;
        }

        [Test]
        public void ByDefaultMembersAreCamelCaseExplicitNamesAndDictionaryKeysAreKept()
        {
            Assert.That(SentFromView(null, v => () => v.Send("x", Sample())), Is.EqualTo(SampleCamel));
        }

        [Test]
        public void ACamelCaseValueReadsBackIntoTheCSharpType()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            PlayerState got = null;
            rig.Main.On("x", e => got = e.Arg<PlayerState>(0));
            view.Send("x", Sample());
            rig.Pump(() => got != null);
            Assert.That(got.Hp, Is.EqualTo(87));
            Assert.That(got.DisplayName, Is.EqualTo("Ada"));
            Assert.That(got.Id, Is.EqualTo(3));
            Assert.That(got.Counts["MaxHp"], Is.EqualTo(100));
        }

        [Test]
        public void EngineSendsBroadcastsInvokeResultsRepliesAndSyncReturnsAreCamelCase()
        {
            using var rig = new IpcRig();
            var raw = new RawView(rig.Main);
            rig.Main.Handle("ask", e => Sample());
            rig.Main.On("sync", e => e.ReturnValue = Sample());
            rig.Main.On("hi", e => e.Reply("back", Sample()));
            raw.Contents.Send("push", Sample());
            raw.Send("{\"k\":\"invoke\",\"id\":5,\"ch\":\"ask\"}");
            raw.Send("{\"k\":\"sync\",\"id\":6,\"ch\":\"sync\"}");
            raw.Send("{\"k\":\"send\",\"ch\":\"hi\"}");
            rig.Main.Tick();
            rig.Main.Tick();
            Assert.That(raw.Count(SampleCamel), Is.EqualTo(4), raw.AllReceived);
            Assert.That(raw.AllReceived, Does.Not.Contain("\"Hp\""));
            raw.Close();
        }

        [Test]
        public void BroadcastsAreCamelCase()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            string got = null;
            view.On("all", e => got = e.ArgJson(0));
            rig.Main.Broadcast("all", Sample());
            rig.Pump(() => got != null);
            Assert.That(got, Is.EqualTo(SampleCamel));
        }

        [Test]
        public void RendererSendsInvokesAndSendSyncAreCamelCase()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            var heard = new List<string>();
            rig.Main.On("x", e => heard.Add(e.ArgJson(0)));
            rig.Main.Handle("ask", e => e.ArgJson(0));
            rig.Main.On("sync", e => e.ReturnValue = e.ArgJson(0));
            view.Send("x", Sample());
            string asked = rig.Await(view.InvokeAsync<PlayerState, string>("ask", Sample()));
            var call = Task.Run(() => view.SendSync<PlayerState, string>("sync", Sample()));
            while (!call.IsCompleted) { rig.Main.Tick(); Thread.Sleep(1); }
            Assert.That(heard, Has.Member(SampleCamel));
            Assert.That(asked, Is.EqualTo(SampleCamel));
            Assert.That(call.Result, Is.EqualTo(SampleCamel));
        }

        [Test]
        public void TwoEnginesInOneProcessKeepTheirOwnConventions()
        {
            var pascal = new IpcOptions();
            pascal.Json.NamingStrategy = new DefaultNamingStrategy();
            // One rig (it checks the pools when disposed); the second engine is disposed before it.
            using var camelRig = new IpcRig();
            var pascalMain = new IpcMain(pascal);
            var camelRaw = new RawView(camelRig.Main);
            var pascalRaw = new RawView(pascalMain);
            // Interleaved, so neither can be reading a convention the other left behind.
            camelRaw.Contents.Send("x", Sample());
            pascalRaw.Contents.Send("x", Sample());
            camelRaw.Contents.Send("x", Sample());
            pascalRaw.Contents.Send("x", Sample());
            camelRig.Main.Tick();
            pascalMain.Tick();
            Assert.That(camelRaw.Count(SampleCamel), Is.EqualTo(2));
            Assert.That(pascalRaw.Count(SamplePascal), Is.EqualTo(2));
            camelRaw.Close();
            pascalRaw.Close();
            pascalMain.Dispose();
        }

        [Test]
        public void ARendererMayChooseItsOwnNamingToo()
        {
            var pascal = new IpcOptions();
            pascal.Json.NamingStrategy = new DefaultNamingStrategy();
            using var rig = new IpcRig();
            var link = rig.AddLink(viewOptions: pascal);
            string got = null;
            PlayerState read = null;
            rig.Main.On("x", e => { got = e.ArgJson(0); read = e.Arg<PlayerState>(0); });
            link.Renderer.Send("x", Sample());
            rig.Pump(() => got != null);
            Assert.That(got, Is.EqualTo(SamplePascal));
            Assert.That(read.DisplayName, Is.EqualTo("Ada"));
        }

        private sealed class ShoutingStringConverter : JsonConverter<string>
        {
            public override void WriteJson(JsonWriter writer, string value, JsonSerializer serializer) => writer.WriteValue(value.ToUpperInvariant());
            public override string ReadJson(JsonReader reader, Type objectType, string existingValue, bool hasExistingValue, JsonSerializer serializer) =>
                ((string)reader.Value).ToLowerInvariant();
        }

        private sealed class BytesAsCountConverter : JsonConverter<byte[]>
        {
            public override void WriteJson(JsonWriter writer, byte[] value, JsonSerializer serializer) => writer.WriteValue(value.Length);
            public override byte[] ReadJson(JsonReader reader, Type objectType, byte[] existingValue, bool hasExistingValue, JsonSerializer serializer) =>
                new byte[Convert.ToInt32(reader.Value)];
        }

        [Test]
        public void UserConvertersApplyAndComeBeforeFrameIpcsOwn()
        {
            var options = new IpcOptions();
            options.Json.Converters.Add(new ShoutingStringConverter());
            options.Json.Converters.Add(new BytesAsCountConverter());
            // A string inside an object goes through Newtonsoft (a top-level string takes the fast path, as documented).
            using var rig = new IpcRig(options);
            var raw = new RawView(rig.Main);
            raw.Contents.Send("x", Sample(), new byte[3]);
            rig.Main.Tick();
            Assert.That(raw.AllReceived, Does.Contain("\"displayName\":\"ADA\""));
            Assert.That(raw.AllReceived, Does.Contain(",3]"));
            raw.Close();
        }

        [Test]
        public void TheSettingsCallbackCannotTurnOnTypeNamesMetadataOrDeeperNesting()
        {
            var options = new IpcOptions();
            bool called = false;
            options.Json.Configure = s =>
            {
                called = true;
                s.TypeNameHandling = TypeNameHandling.All;
                s.MetadataPropertyHandling = MetadataPropertyHandling.Default;
                s.PreserveReferencesHandling = PreserveReferencesHandling.All;
                s.MaxDepth = 10_000;
                s.ContractResolver = new DefaultContractResolver();
                s.NullValueHandling = NullValueHandling.Ignore; // what the callback is for: this one is kept
            };
            using var rig = new IpcRig(options);
            var raw = new RawView(rig.Main);
            object read = "unset";
            rig.Main.On("in", e => read = e.Arg<Boxed>(0).Payload);
            raw.Contents.Send("x", new Boxed { Payload = new Boxed() });
            // A page naming a .NET type gets a plain object, never an instance of the type it named.
            raw.Send("{\"k\":\"send\",\"ch\":\"in\",\"a\":[{\"payload\":{\"$type\":\"System.IO.FileInfo, System.IO.FileSystem\",\"fileName\":\"x\"}}]}");
            rig.Main.Tick();
            Assert.That(called, Is.True);
            Assert.That(raw.AllReceived, Does.Contain("\"a\":[{\"payload\":{}}]"));
            Assert.That(raw.AllReceived, Does.Not.Contain("$type"));
            Assert.That(raw.AllReceived, Does.Not.Contain("$id"));
            Assert.That(read, Is.InstanceOf<Newtonsoft.Json.Linq.JObject>());
            var context = rig.Main.Limits.Json;
            Assert.That(context.Settings.TypeNameHandling, Is.EqualTo(TypeNameHandling.None));
            Assert.That(context.Settings.MetadataPropertyHandling, Is.EqualTo(MetadataPropertyHandling.Ignore));
            Assert.That(context.Settings.PreserveReferencesHandling, Is.EqualTo(PreserveReferencesHandling.None));
            Assert.That(context.Settings.MaxDepth, Is.EqualTo(IpcJson.SerializerMaxDepth));
            Assert.That(context.Settings.ContractResolver, Is.InstanceOf<IpcContractResolver>());
            Assert.That(context.IsDefault, Is.False);
            raw.Close();
        }

        [Test]
        public void DefaultOptionsShareTheDefaultConventions()
        {
            using var a = new IpcRig();
            using var b = new IpcRig(new IpcOptions());
            Assert.That(a.Main.Limits.Json, Is.SameAs(IpcJsonContext.Default));
            Assert.That(b.Main.Limits.Json, Is.SameAs(IpcJsonContext.Default));
            Assert.That(IpcJsonContext.Default.IsDefault, Is.True);
        }

        [Test]
        public void NullJsonOptionsAreRefused()
        {
            var options = new IpcOptions { Json = null };
            var ex = Assert.Throws<ArgumentNullException>(() => new IpcMain(options));
            Assert.That(ex.ParamName, Is.EqualTo("Json"));
        }

        [Test]
        public void AnUnsendableTypeIsRefusedOnceWhenItsContractIsMade()
        {
            var resolver = new IpcContractResolver(new CamelCaseNamingStrategy(), Array.Empty<JsonConverter>());
            Assert.That(resolver.ResolveContract(typeof(Action)).Converter, Is.SameAs(UnsendableTypeConverter.Instance));
            Assert.That(resolver.ResolveContract(typeof(System.IO.MemoryStream)).Converter, Is.SameAs(UnsendableTypeConverter.Instance));
            Assert.That(resolver.ResolveContract(typeof(IntPtr)).Converter, Is.SameAs(UnsendableTypeConverter.Instance));
            Assert.That(resolver.ResolveContract(typeof(PlayerState)).Converter, Is.Null);
            Assert.That(resolver.ResolveContract(typeof(int)).Converter, Is.Null);
            // The serializer no longer carries a per-value converter for it: the decision lives in the contract.
            Assert.That(IpcJson.Serializer.Converters, Has.None.InstanceOf<UnsendableTypeConverter>());
        }
    }
}
