using System;
using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>Send, listen, invoke and handle through typed channels; the types are inferred from the channel.</summary>
    public static class IpcTypedChannelExtensions
    {
        /// <summary>Sends the channel's argument.</summary>
        public static void Send<TArg>(this IIpcSender sender, IpcChannel<TArg> channel, TArg arg) =>
            sender.SendArgs(channel.Name, new IpcArgs<TArg>(arg));

        /// <summary>Listens on the channel with its argument decoded.</summary>
        public static IDisposable On<TArg>(this IpcEmitter emitter, IpcChannel<TArg> channel, Action<IpcEvent, TArg> listener) =>
            emitter.On(channel.Name, listener);

        /// <summary>Listens once on the channel with its argument decoded.</summary>
        public static IDisposable Once<TArg>(this IpcEmitter emitter, IpcChannel<TArg> channel, Action<IpcEvent, TArg> listener) =>
            emitter.Once(channel.Name, listener);

        /// <summary>Invokes the channel's handler on the other side.</summary>
        public static ValueTask<TResult> InvokeAsync<TArg, TResult>(this IIpcSender sender, IpcInvokeChannel<TArg, TResult> channel, TArg arg,
            IpcInvokeOptions options = default) =>
            sender.InvokeArgsAsync<IpcArgs<TArg>, TResult>(channel.Name, new IpcArgs<TArg>(arg), options);

        /// <summary>Handles the channel synchronously.</summary>
        public static void Handle<TArg, TResult>(this IpcEmitter emitter, IpcInvokeChannel<TArg, TResult> channel, Func<IpcMainInvokeEvent, TArg, TResult> handler)
        {
            if (handler == null) throw new ArgumentNullException(nameof(handler));
            ValueCodec<TArg>.Prepare();
            emitter.Handle(channel.Name, e => handler(e, e.Arg<TArg>(0)));
        }

        /// <summary>Handles the channel asynchronously; the token is cancelled when the caller cancels, times out or goes away.</summary>
        public static void Handle<TArg, TResult>(this IpcEmitter emitter, IpcInvokeChannel<TArg, TResult> channel,
            Func<IpcMainInvokeEvent, TArg, CancellationToken, Task<TResult>> handler)
        {
            if (handler == null) throw new ArgumentNullException(nameof(handler));
            ValueCodec<TArg>.Prepare();
            emitter.Handle(channel.Name, (e, ct) => handler(e, e.Arg<TArg>(0), ct));
        }
    }
}
