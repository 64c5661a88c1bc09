using System;
using FrameIpc.Tests;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using NUnit.Framework;
using UnityEngine;

namespace FrameIpc.UnityFidelity
{
    /// <summary>
    /// Unity's value types (Runtime/Unity/UnityValueConverters.cs, built against the stubs, whose types have Unity's
    /// fields and its self-returning <c>normalized</c>) cross as plain objects and read back: engine to page and page to
    /// engine, through the endpoint's own serializer.
    /// </summary>
    public class UnityValueConverterTests
    {
        [OneTimeSetUp]
        public void RegisterAsUnityWouldBeforeTheFirstScene() => UnityValueConverters.Register();

        public sealed class Holder
        {
            public Vector3 Position;
            public Vector3? Velocity;
        }

        /// <summary>Sends <paramref name="value"/> from a view to the engine: the JSON on the wire and the value read back.</summary>
        private static (string Json, T Read) RoundTrip<T>(T value, IpcOptions? options = null)
        {
            using var harness = IpcHarness.Connected(options: options);
            string? json = null;
            T read = default!;
            harness.Main.On("x", e => { json = e.ArgJson(0); read = e.Arg<T>(0); });
            harness.View.Send("x", value);
            for (int i = 0; i < 50 && json == null; i++) harness.TickAll();
            Assert.That(json, Is.Not.Null, "the message arrived");
            return (json!, read);
        }

        [Test]
        public void TheStubsReproduceTheLoopNewtonsoftAloneFailsOn()
        {
            var ex = Assert.Throws<JsonSerializationException>(() => JsonConvert.SerializeObject(new Vector3(1, 2, 3)));
            Assert.That(ex!.Message, Does.Contain("Self referencing loop detected for property 'normalized'"));
        }

        [Test]
        public void Vector2CrossesAsXY()
        {
            var (json, read) = RoundTrip(new Vector2(1.5f, -2));
            Assert.That(json, Is.EqualTo("{\"x\":1.5,\"y\":-2}"));
            Assert.That(read, Is.EqualTo(new Vector2(1.5f, -2)));
        }

        [Test]
        public void Vector3CrossesAsXYZ()
        {
            var (json, read) = RoundTrip(new Vector3(1, 2, 3));
            Assert.That(json, Is.EqualTo("{\"x\":1,\"y\":2,\"z\":3}"));
            Assert.That(read, Is.EqualTo(new Vector3(1, 2, 3)));
        }

        [Test]
        public void AFractionKeepsTheFloatsShortestText()
        {
            var (json, read) = RoundTrip(new Vector3(0.1f, 1e-7f, 123456.7f));
            Assert.That(json, Is.EqualTo("{\"x\":0.1,\"y\":1E-07,\"z\":123456.7}"));
            Assert.That(read, Is.EqualTo(new Vector3(0.1f, 1e-7f, 123456.7f)));
        }

        [Test]
        public void Vector4CrossesAsXYZW()
        {
            var (json, read) = RoundTrip(new Vector4(1, 2, 3, 4));
            Assert.That(json, Is.EqualTo("{\"x\":1,\"y\":2,\"z\":3,\"w\":4}"));
            Assert.That(read, Is.EqualTo(new Vector4(1, 2, 3, 4)));
        }

        [Test]
        public void IntegerVectorsCrossAsIntegers()
        {
            var (json2, read2) = RoundTrip(new Vector2Int(7, -8));
            Assert.That(json2, Is.EqualTo("{\"x\":7,\"y\":-8}"));
            Assert.That(read2, Is.EqualTo(new Vector2Int(7, -8)));
            var (json3, read3) = RoundTrip(new Vector3Int(1, 2, int.MaxValue));
            Assert.That(json3, Is.EqualTo("{\"x\":1,\"y\":2,\"z\":2147483647}"));
            Assert.That(read3, Is.EqualTo(new Vector3Int(1, 2, int.MaxValue)));
        }

        [Test]
        public void QuaternionCrossesAsXYZW()
        {
            var (json, read) = RoundTrip(new Quaternion(0, 0.5f, 0, 1));
            Assert.That(json, Is.EqualTo("{\"x\":0,\"y\":0.5,\"z\":0,\"w\":1}"));
            Assert.That(read, Is.EqualTo(new Quaternion(0, 0.5f, 0, 1)));
        }

        [Test]
        public void ColorsCrossAsRGBA()
        {
            var (json, read) = RoundTrip(new Color(1, 0.25f, 0, 1));
            Assert.That(json, Is.EqualTo("{\"r\":1,\"g\":0.25,\"b\":0,\"a\":1}"));
            Assert.That(read, Is.EqualTo(new Color(1, 0.25f, 0, 1)));
            var (json32, read32) = RoundTrip(new Color32(255, 128, 0, 7));
            Assert.That(json32, Is.EqualTo("{\"r\":255,\"g\":128,\"b\":0,\"a\":7}"));
            Assert.That(read32, Is.EqualTo(new Color32(255, 128, 0, 7)));
        }

        [Test]
        public void RectCrossesAsXYWidthHeight()
        {
            var (json, read) = RoundTrip(new Rect(1, 2, 30, 40));
            Assert.That(json, Is.EqualTo("{\"x\":1,\"y\":2,\"width\":30,\"height\":40}"));
            Assert.That(read, Is.EqualTo(new Rect(1, 2, 30, 40)));
        }

        [Test]
        public void BoundsCrossAsCenterAndSize()
        {
            var (json, read) = RoundTrip(new Bounds(new Vector3(1, 2, 3), new Vector3(4, 6, 8)));
            Assert.That(json, Is.EqualTo("{\"center\":{\"x\":1,\"y\":2,\"z\":3},\"size\":{\"x\":4,\"y\":6,\"z\":8}}"));
            Assert.That(read.center, Is.EqualTo(new Vector3(1, 2, 3)));
            Assert.That(read.size, Is.EqualTo(new Vector3(4, 6, 8)));
        }

        [Test]
        public void Matrix4x4CrossesAsItsSixteenFields()
        {
            var m = Matrix4x4.identity;
            m.m03 = 5;
            m.m21 = -0.5f;
            var (json, read) = RoundTrip(m);
            Assert.That(json, Is.EqualTo("{\"m00\":1,\"m01\":0,\"m02\":0,\"m03\":5,\"m10\":0,\"m11\":1,\"m12\":0,\"m13\":0," +
                "\"m20\":0,\"m21\":-0.5,\"m22\":1,\"m23\":0,\"m30\":0,\"m31\":0,\"m32\":0,\"m33\":1}"));
            Assert.That(read, Is.EqualTo(m));
        }

        [Test]
        public void InsideAnObjectAndAsANullableTheyStayPlain()
        {
            var (json, read) = RoundTrip(new Holder { Position = new Vector3(1, 2, 3), Velocity = null });
            Assert.That(json, Is.EqualTo("{\"position\":{\"x\":1,\"y\":2,\"z\":3},\"velocity\":null}"));
            Assert.That(read.Position, Is.EqualTo(new Vector3(1, 2, 3)));
            Assert.That(read.Velocity, Is.Null);
            var (json2, read2) = RoundTrip(new Holder { Velocity = new Vector3(0, -1, 0) });
            Assert.That(json2, Is.EqualTo("{\"position\":{\"x\":0,\"y\":0,\"z\":0},\"velocity\":{\"x\":0,\"y\":-1,\"z\":0}}"));
            Assert.That(read2.Velocity, Is.EqualTo(new Vector3(0, -1, 0)));
        }

        [Test]
        public void MembersTheConverterDoesNotKnowAreSkippedAndAWrongKindIsAClearError()
        {
            using var harness = IpcHarness.Connected();
            Vector3 read = default;
            string? error = null;
            harness.Main.On("ok", e => read = e.Arg<Vector3>(0));
            harness.Main.On("bad", e => { try { e.Arg<Vector3>(0); } catch (IpcException ex) { error = ex.Message; } });
            harness.View.SendMany("ok", new { x = 1, extra = new[] { 1, 2 }, z = 3 });
            harness.View.Send("bad", new { x = "one" });
            for (int i = 0; i < 50 && error == null; i++) harness.TickAll();
            Assert.That(read, Is.EqualTo(new Vector3(1, 0, 3)));
            Assert.That(error, Does.StartWith("arg 0 of 'bad': expected Vector3, got object {\"x\":\"one\"} (Vector3.x must be a number"));
        }

        private sealed class Vector3AsArray : JsonConverter<Vector3>
        {
            public override void WriteJson(JsonWriter writer, Vector3 value, JsonSerializer serializer)
            {
                writer.WriteStartArray();
                writer.WriteValue((long)value.x);
                writer.WriteValue((long)value.y);
                writer.WriteValue((long)value.z);
                writer.WriteEndArray();
            }

            public override Vector3 ReadJson(JsonReader reader, Type objectType, Vector3 existingValue, bool hasExistingValue, JsonSerializer serializer)
            {
                var a = serializer.Deserialize<float[]>(reader)!;
                return new Vector3(a[0], a[1], a[2]);
            }
        }

        [Test]
        public void AUserConverterForAUnityTypeWins()
        {
            var options = new IpcOptions();
            options.Json.Converters.Add(new Vector3AsArray());
            var (json, read) = RoundTrip(new Vector3(1, 2, 3), options);
            Assert.That(json, Is.EqualTo("[1,2,3]"));
            Assert.That(read, Is.EqualTo(new Vector3(1, 2, 3)));
        }

        [Test]
        public void ThePascalCaseStrategyLeavesUnityFieldNamesAlone()
        {
            var options = new IpcOptions();
            options.Json.NamingStrategy = new DefaultNamingStrategy();
            var (json, _) = RoundTrip(new Holder { Position = new Vector3(1, 2, 3) }, options);
            Assert.That(json, Is.EqualTo("{\"Position\":{\"x\":1,\"y\":2,\"z\":3},\"Velocity\":null}"));
        }
    }
}
