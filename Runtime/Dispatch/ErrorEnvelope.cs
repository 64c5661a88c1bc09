using System;

namespace FrameIpc
{
    /// <summary>How an error reaches the peer: the envelope's shape, and the error a value that cannot be sent becomes.</summary>
    internal static class ErrorEnvelope
    {
        /// <summary>
        /// Writes an error envelope (a result with <c>e</c>, or a notice). A message too long for a frame (a handler's
        /// exception text can be anything) is shortened, and its data dropped, rather than lose the answer.
        /// </summary>
        public static void Write(FrameWriter writer, EnvelopeKind kind, long id, string name, string message, string? code, string? dataJson, int frame = 0)
        {
            for (int attempt = 0; ; attempt++)
            {
                writer.Begin(kind);
                if (id > 0) writer.Int("id", id);
                if (frame > 0) writer.Int("fr", frame);
                writer.Error("e", name, message, code, dataJson);
                try
                {
                    writer.End();
                    return;
                }
                catch (IpcException) when (attempt == 0)
                {
                    int keep = Math.Max(0, Math.Min(message.Length, writer.MaxEnvelopeChars / 8 - 64));
                    message = message.Substring(0, keep) + $" [cut: {message.Length} characters did not fit in a frame]";
                    if (name.Length > 64) name = name.Substring(0, 64);
                    if (code != null && code.Length > 64) code = code.Substring(0, 64);
                    dataJson = null;
                }
            }
        }

        /// <summary>A value that cannot be written: a limit stays what it is, anything else names the channel.</summary>
        public static IpcException Unsendable(string channel, Exception ex) => ex is IpcException ipc && ipc.Name == IpcErrorNames.Limit
            ? ipc
            : new IpcException(IpcErrorNames.Error, $"Cannot send on '{channel}': an argument cannot be sent as JSON ({ex.Message})", null, null, ex);
    }
}
