using System;
using System.Globalization;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using NUnit.Framework;

namespace FrameIpc.CodecTests
{
    /// <summary>
    /// A generated codec bakes the default conventions (camelCase) in, so an endpoint that chose its own through
    /// IpcOptions.Json must not get it: ValueCodec takes that endpoint's Newtonsoft serializer for the type instead.
    /// </summary>
    public class ConventionFallbackTests
    {
        private static readonly PlayerState Sample = new PlayerState { Name = "ada", Hp = 7 };

        [Test]
        public void TheDefaultConventionsUseTheGeneratedCodec_AndWriteCamelCase()
        {
            Assert.That(Write(IpcJsonContext.Default), Does.Contain("\"name\":\"ada\"").And.Contain("\"hp\":7"));
        }

        [Test]
        public void AnEndpointWithItsOwnNaming_WritesAMarkedTypeWithIt()
        {
            var pascal = IpcJsonContext.For(new IpcJsonOptions { NamingStrategy = new DefaultNamingStrategy() });
            Assert.That(pascal.IsDefault, Is.False);
            Assert.That(Write(pascal), Does.Contain("\"Name\":\"ada\"").And.Contain("\"Hp\":7"));
        }

        [Test]
        public void AnEndpointWithItsOwnConverter_ReadsAMarkedTypeWithIt()
        {
            var options = new IpcJsonOptions();
            options.Converters.Add(new FixedPlayerConverter());
            var custom = IpcJsonContext.For(options);
            const string json = "{\"name\":\"ada\",\"hp\":7}";

            var read = ValueCodec<PlayerState>.Read(json.ToCharArray(), 0, json.Length, IpcJson.SerializerMaxDepth, custom);
            var generated = ValueCodec<PlayerState>.Read(json.ToCharArray(), 0, json.Length, IpcJson.SerializerMaxDepth, IpcJsonContext.Default);

            Assert.That(read.Name, Is.EqualTo("from the user's converter"));
            Assert.That(generated.Name, Is.EqualTo("ada"));
        }

        private static string Write(IpcJsonContext context)
        {
            var text = new StringWriter(CultureInfo.InvariantCulture);
            using (var writer = new TaggedJsonWriter(text) { Formatting = Formatting.None, Json = context }) ValueCodec<PlayerState>.Write(writer, Sample);
            return text.ToString();
        }

        private sealed class FixedPlayerConverter : JsonConverter<PlayerState>
        {
            public override PlayerState ReadJson(JsonReader reader, Type objectType, PlayerState existingValue, bool hasExistingValue, JsonSerializer serializer)
            {
                reader.Skip();
                return new PlayerState { Name = "from the user's converter" };
            }

            public override void WriteJson(JsonWriter writer, PlayerState value, JsonSerializer serializer) => writer.WriteValue("player");
        }
    }
}
