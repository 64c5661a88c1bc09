using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>Electron's <c>send(channel, ...args)</c> and <c>invoke(channel, ...args)</c>, as overloads that do not box.</summary>
    public static class IpcSenderExtensions
    {
        /// <summary>Sends a message with no arguments.</summary>
        public static void Send(this IIpcSender sender, string channel) => sender.SendArgs(channel, new IpcArgs());

        /// <summary>Sends a message with one argument.</summary>
        public static void Send<T1>(this IIpcSender sender, string channel, T1 arg1) => sender.SendArgs(channel, new IpcArgs<T1>(arg1));

        /// <summary>Sends a message with two arguments.</summary>
        public static void Send<T1, T2>(this IIpcSender sender, string channel, T1 arg1, T2 arg2) =>
            sender.SendArgs(channel, new IpcArgs<T1, T2>(arg1, arg2));

        /// <summary>Sends a message with three arguments.</summary>
        public static void Send<T1, T2, T3>(this IIpcSender sender, string channel, T1 arg1, T2 arg2, T3 arg3) =>
            sender.SendArgs(channel, new IpcArgs<T1, T2, T3>(arg1, arg2, arg3));

        /// <summary>Sends a message with any number of (boxed) arguments.</summary>
        public static void SendMany(this IIpcSender sender, string channel, params object?[] args) =>
            sender.SendArgs(channel, new IpcArgsArray(args));

        /// <summary>Invokes a handler on the other side with no arguments.</summary>
        public static ValueTask<TResult> InvokeAsync<TResult>(this IIpcSender sender, string channel, IpcInvokeOptions options = default) =>
            sender.InvokeArgsAsync<IpcArgs, TResult>(channel, new IpcArgs(), options);

        /// <summary>Invokes a handler on the other side with one argument: <c>InvokeAsync&lt;TArg, TResult&gt;(channel, arg)</c>.</summary>
        public static ValueTask<TResult> InvokeAsync<T1, TResult>(this IIpcSender sender, string channel, T1 arg1, IpcInvokeOptions options = default) =>
            sender.InvokeArgsAsync<IpcArgs<T1>, TResult>(channel, new IpcArgs<T1>(arg1), options);

        /// <summary>Invokes a handler on the other side with two arguments.</summary>
        public static ValueTask<TResult> InvokeAsync<T1, T2, TResult>(this IIpcSender sender, string channel, T1 arg1, T2 arg2, IpcInvokeOptions options = default) =>
            sender.InvokeArgsAsync<IpcArgs<T1, T2>, TResult>(channel, new IpcArgs<T1, T2>(arg1, arg2), options);
    }
}
