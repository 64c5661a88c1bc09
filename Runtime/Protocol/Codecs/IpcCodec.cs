using Newtonsoft.Json;

namespace FrameIpc
{
    /// <summary>
    /// A codec for one payload type, written by FrameIPC's generator for a type marked <see cref="IpcMessageAttribute"/>.
    /// Not meant to be written by hand: the JSON it produces must stay identical to the Newtonsoft path's.
    /// </summary>
    public abstract class IpcCodec<T>
    {
        /// <summary>Writes <paramref name="value"/> as one JSON value.</summary>
        public abstract void Write(IpcJsonWriter writer, T value);

        /// <summary>Reads one JSON value; a value of the wrong kind throws an error naming the member.</summary>
        public abstract T Read(ref IpcJsonReader reader);

        // The shapes ValueCodec<T> stores, so a generated type costs one virtual call on the per-message path.
        internal void WriteJson(JsonTextWriter json, T value) => Write(new IpcJsonWriter(json), value);

        internal void PrepareMethods() => JitPreparation.PrepareCodec(GetType());

        internal T ReadJson(char[] buffer, int start, int length, int maxDepth)
        {
            var reader = new IpcJsonReader(buffer, start, length, maxDepth);
            T value = Read(ref reader);
            reader.ExpectEnd();
            return value;
        }
    }
}
