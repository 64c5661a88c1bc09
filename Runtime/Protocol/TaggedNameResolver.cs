using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace FrameIpc
{
    /// <summary>
    /// Newtonsoft's default contracts, except that a member or dictionary key named like the tag (<c>$ipc</c>, <c>$$ipc</c>...)
    /// is written with one more <c>$</c> (protocol.md, "Tagged values"): an ordinary object never reads as a tagged one.
    /// A property so named is also read under its escaped name. Names are resolved once per type, keys per write.
    /// </summary>
    internal sealed class TaggedNameResolver : DefaultContractResolver
    {
        public static readonly TaggedNameResolver Instance = new TaggedNameResolver();

        protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (property.PropertyName != null) property.PropertyName = TaggedValue.EscapeName(property.PropertyName);
            return property;
        }

        protected override string ResolveDictionaryKey(string dictionaryKey) => TaggedValue.EscapeName(base.ResolveDictionaryKey(dictionaryKey));
    }
}
