using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using NUnit.Framework;

namespace FrameIpc.Tests.Api
{
    public class BroadcastTests
    {
        [Test]
        public void ABroadcastReachesEveryReadyViewAndIsSerializedOnce()
        {
            using var rig = new IpcRig();
            var got = new List<string>();
            for (int i = 0; i < 4; i++)
            {
                var (_, view) = rig.AddView();
                view.On("hud:state", e => got.Add(e.SenderId + ":" + e.Arg<Counted>(0).Value + ":" + e.Arg<int>(1)));
            }
            Counted.Writes = 0;
            rig.Main.Broadcast("hud:state", new Counted { Value = "full" }, 3);
            rig.Pump(() => got.Count == 4);
            Assert.That(got, Is.EqualTo(new[] { "0:full:3", "0:full:3", "0:full:3", "0:full:3" }));
            Assert.That(Counted.Writes, Is.EqualTo(1), "the payload is serialized once for all views");
        }

        [Test]
        public void ABroadcastThatCannotBeSerializedThrowsAndTheNextOneWorks()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            int got = 0;
            view.On("n", e => got = e.Arg<int>(0));
            Action callback = () => { };
            var ex = Assert.Throws<IpcException>(() => rig.Main.Broadcast("n", callback));
            Assert.That(ex.Message, Does.StartWith("Cannot send on 'n': an argument cannot be sent as JSON"));
            rig.Main.Broadcast("n", 9);
            rig.Pump(() => got == 9);
        }

        [JsonConverter(typeof(CountingConverter))]
        public class Counted
        {
            public static int Writes;
            public string Value;
        }

        private sealed class CountingConverter : JsonConverter<Counted>
        {
            public override void WriteJson(JsonWriter writer, Counted value, JsonSerializer serializer)
            {
                Counted.Writes++;
                writer.WriteValue(value.Value);
            }

            public override Counted ReadJson(JsonReader reader, Type objectType, Counted existingValue, bool hasExistingValue, JsonSerializer serializer) =>
                new Counted { Value = (string)reader.Value };
        }
    }
}
