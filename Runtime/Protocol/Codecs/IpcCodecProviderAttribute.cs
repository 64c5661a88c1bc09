using System;

namespace FrameIpc
{
    /// <summary>
    /// How a generated codec is found without module initialisers (Unity does not run them): the generator derives one
    /// of these per marked type and applies it to the assembly. <see cref="IpcCodecs"/> reads them once per marked type.
    /// Because the codec is created by this attribute's own code, Unity's linker keeps it without a link.xml.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
    public abstract class IpcCodecProviderAttribute : Attribute
    {
        /// <summary>The marked payload type.</summary>
        public abstract Type MessageType { get; }

        /// <summary>A new codec for <see cref="MessageType"/> (an <see cref="IpcCodec{T}"/> of it).</summary>
        public abstract object CreateCodec();
    }
}
