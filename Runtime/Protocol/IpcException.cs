using System;

namespace FrameIpc
{
    /// <summary>
    /// An error that crossed (or would have crossed) the bridge: a rejected invoke, a refused send, a protocol fault.
    /// <see cref="Name"/>, <see cref="Code"/> and <see cref="DataJson"/> survive the crossing unchanged.
    /// </summary>
    public class IpcException : Exception
    {
        /// <summary>Creates an error with a name (e.g. <c>"Error"</c>, <c>"TimeoutError"</c>), a message, and optional code and JSON data.</summary>
        public IpcException(string name, string message, string? code = null, string? dataJson = null, Exception? inner = null)
            : base(message, inner)
        {
            Name = string.IsNullOrEmpty(name) ? IpcErrorNames.Error : name;
            Code = code;
            DataJson = dataJson;
            RemoteMessage = message;
        }

        /// <summary>Creates an error named <c>"Error"</c>.</summary>
        public IpcException(string message) : this(IpcErrorNames.Error, message) { }

        private IpcException(string name, string message, string remoteMessage, string? code, string? dataJson, string? channel)
            : base(message)
        {
            Name = name;
            Code = code;
            DataJson = dataJson;
            RemoteMessage = remoteMessage;
            Channel = channel;
        }

        /// <summary>The error's name, as JavaScript's <c>error.name</c>: <c>Error</c>, <c>TimeoutError</c>, <c>AbortError</c>, ...</summary>
        public string Name { get; }

        /// <summary>A machine-readable code (<c>ETIMEDOUT</c>, <c>EVIEWGONE</c>, or the handler's own), or null.</summary>
        public string? Code { get; }

        /// <summary>The error's data as raw JSON, or null. Read it typed with <see cref="GetData{T}"/>.</summary>
        public string? DataJson { get; }

        /// <summary>The message as the side that raised it wrote it, without the invoke wrapping.</summary>
        public string RemoteMessage { get; }

        /// <summary>The channel of the invoke or send this error belongs to, when there is one.</summary>
        public string? Channel { get; }

        /// <summary>Deserializes <see cref="DataJson"/> (Newtonsoft, no type names), or returns default when there is none.</summary>
        public T? GetData<T>() => DataJson == null ? default : IpcJson.Deserialize<T>(DataJson);

        /// <summary>The error an invoke's caller sees, wrapped as Electron does: <c>Error invoking remote method 'ch': name: message</c>.</summary>
        internal static IpcException ForInvoke(string channel, string name, string message, string? code, string? dataJson) =>
            new IpcException(name, $"Error invoking remote method '{channel}': {name}: {message}", message, code, dataJson, channel);

        internal static IpcException Protocol(string message) => new IpcException(IpcErrorNames.Protocol, message, IpcErrorCodes.Protocol);
    }
}
