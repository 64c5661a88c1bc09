using System.IO;
using Newtonsoft.Json;

namespace FrameIpc
{
    /// <summary>
    /// The JSON reader of every value: a member name escaped by the sender (<c>$$ipc</c> for an ordinary <c>$ipc</c>)
    /// reads without its extra <c>$</c> (protocol.md, "Tagged values"); <see cref="NameWasEscaped"/> tells the
    /// tagged-value converters that such a <c>$ipc</c> is an ordinary member, not the tag.
    /// </summary>
    internal sealed class TaggedJsonReader : JsonTextReader
    {
        public TaggedJsonReader(TextReader reader) : base(reader) { }

        /// <summary>True while the current token is a member name that arrived escaped.</summary>
        public bool NameWasEscaped { get; private set; }

        /// <summary>True when the reader is on the tag member itself (<c>$ipc</c> as sent, not an escaped one).</summary>
        public static bool IsTag(JsonReader reader, string name) =>
            name == TaggedValue.Tag && !(reader is TaggedJsonReader tagged && tagged.NameWasEscaped);

        public override bool Read()
        {
            bool read = base.Read();
            NameWasEscaped = false;
            if (read && TokenType == JsonToken.PropertyName && Value is string name && name.Length > TaggedValue.Tag.Length && TaggedValue.LooksLikeTag(name))
            {
                NameWasEscaped = true;
                SetToken(JsonToken.PropertyName, name.Substring(1));
            }
            return read;
        }
    }
}
