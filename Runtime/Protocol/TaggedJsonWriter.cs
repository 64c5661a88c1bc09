using System.IO;
using Newtonsoft.Json;

namespace FrameIpc
{
    /// <summary>
    /// The JSON writer of every frame: an ordinary member named like the tag (<c>$ipc</c>, <c>$$ipc</c>...) is written with
    /// one more <c>$</c> (protocol.md, "Tagged values"), whether it comes from a class, a dictionary or a JObject. Only
    /// the tagged-value converters write the tag itself, through <see cref="WriteTag"/>.
    /// </summary>
    internal sealed class TaggedJsonWriter : JsonTextWriter
    {
        private bool _tag;

        public TaggedJsonWriter(TextWriter textWriter) : base(textWriter) { Output = textWriter; }

        /// <summary>What this writes to: generated codecs format floating-point numbers straight into it (IpcJsonWriter).</summary>
        public TextWriter Output { get; }

        /// <summary>The conventions values written here follow (the endpoint's; see <see cref="IpcJsonContext.Of"/>).</summary>
        public IpcJsonContext Json { get; set; } = IpcJsonContext.Default;

        /// <summary>Writes <c>"$ipc":"kind"</c> unescaped; on another writer (a JTokenWriter), just the member.</summary>
        public static void WriteTag(JsonWriter writer, string kind)
        {
            if (writer is TaggedJsonWriter tagged) tagged._tag = true;
            writer.WritePropertyName(TaggedValue.Tag);
            writer.WriteValue(kind);
        }

        public override void WritePropertyName(string name) => base.WritePropertyName(Escape(name));

        public override void WritePropertyName(string name, bool escape) => base.WritePropertyName(Escape(name), escape);

        private string Escape(string name)
        {
            if (_tag) { _tag = false; return name; }
            return TaggedValue.EscapeName(name);
        }
    }
}
