using System;

namespace FrameIpc
{
    /// <summary>
    /// Marks a payload type for FrameIPC's codec generator: its JSON is then read and written by generated code on
    /// FrameIPC's own scanner and writer, with no reflection and nothing built on first use. The JSON is the same as
    /// the Newtonsoft path writes (camelCase names, <c>[JsonProperty("name")]</c> and <c>[JsonIgnore]</c> honoured).
    /// The type need not be <c>partial</c>; it must be public or internal (so are its containing types) and not generic.
    /// See Documentation~/generated-codecs.md.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
    public sealed class IpcMessageAttribute : Attribute
    {
    }
}
