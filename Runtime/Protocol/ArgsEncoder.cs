using System;
using Newtonsoft.Json;

namespace FrameIpc
{
    /// <summary>
    /// Encodes a message's arguments once, as a JSON array, so a broadcast serializes its payload once and copies the
    /// characters into each view's batch. Not thread-safe: its owner locks around it.
    /// </summary>
    internal sealed class ArgsEncoder : IDisposable
    {
        private readonly PooledCharWriter _chars = new PooledCharWriter(256);
        private JsonTextWriter _json;

        private readonly IpcJsonContext _conventions;

        public ArgsEncoder(IpcJsonContext? json = null)
        {
            _conventions = json ?? IpcJsonContext.Default;
            _json = CreateJsonWriter();
        }

        /// <summary>The arguments as one JSON array, valid until the next call.</summary>
        public ReadOnlySpan<char> Encode<TArgs>(string channel, in TArgs args) where TArgs : struct, IIpcArgs
        {
            _chars.Clear();
            try
            {
                _json.WriteStartArray();
                args.WriteTo(new IpcArgWriter(_json));
                _json.WriteEndArray();
                _json.Flush();
            }
            catch (Exception ex)
            {
                _json.Close();
                _json = CreateJsonWriter();
                throw new IpcException(IpcErrorNames.Error, $"Cannot send on '{channel}': an argument cannot be sent as JSON ({ex.Message})", null, null, ex);
            }
            return _chars.Written;
        }

        public void Dispose()
        {
            _json.Close();
            _chars.Dispose();
        }

        private JsonTextWriter CreateJsonWriter() => new TaggedJsonWriter(_chars)
        {
            Json = _conventions,
            ArrayPool = CharBufferPool.Newtonsoft,
            Formatting = Formatting.None,
            CloseOutput = false,
            AutoCompleteOnClose = false,
        };
    }
}
