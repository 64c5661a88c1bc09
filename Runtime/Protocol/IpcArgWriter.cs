using Newtonsoft.Json;

namespace FrameIpc
{
    /// <summary>
    /// What an <see cref="IIpcArgs"/> writes its arguments to: one JSON value per <see cref="Write{T}"/>, straight into
    /// the outbound buffer. It wraps the serializer FrameIPC writes with, which stays out of the public API so that
    /// the JSON library can change without breaking callers.
    /// </summary>
    public readonly struct IpcArgWriter
    {
        internal IpcArgWriter(JsonTextWriter json) { Json = json; }

        internal JsonTextWriter Json { get; }

        /// <summary>
        /// Writes <paramref name="value"/> as the next argument: int, long, float, double, bool and string without
        /// boxing; anything else through the endpoint's JSON conventions (<see cref="IpcOptions.Json"/>; no type names, bounded depth).
        /// </summary>
        public void Write<T>(T value) => ValueCodec<T>.Write(Json, value);

        /// <summary>Writes <paramref name="value"/> as the next argument, serialized by its runtime type.</summary>
        public void WriteBoxed(object? value) => IpcJsonContext.Of(Json).Serializer.Serialize(Json, value);
    }
}
