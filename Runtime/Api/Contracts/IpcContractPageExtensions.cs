using System;
using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// The page's side of contract channels for a C# <see cref="IpcRenderer"/> (tests, tools, a C# page): it sends on
    /// <see cref="PageToEngine{TArg}"/>, listens on <see cref="EngineToPage{TArg}"/>, invokes
    /// <see cref="PageInvoke{TArg, TResult}"/> and handles <see cref="EngineInvoke{TArg, TResult}"/>; the other
    /// direction does not compile.
    /// </summary>
    public static class IpcContractPageExtensions
    {
        /// <summary>Sends the payload to the engine.</summary>
        public static void Send<TArg>(this IpcRenderer renderer, PageToEngine<TArg> channel, TArg arg) =>
            NotNull(renderer).SendArgs(channel.Name, new IpcArgs<TArg>(arg));

        /// <summary>Sends on a channel that carries no payload.</summary>
        public static void Send(this IpcRenderer renderer, PageToEngine<IpcVoid> channel) =>
            NotNull(renderer).SendArgs(channel.Name, new IpcArgs());

        /// <summary>Listens on an engine-to-page channel, its payload decoded.</summary>
        public static IDisposable On<TArg>(this IpcRenderer renderer, EngineToPage<TArg> channel, Action<IpcEvent, TArg> listener) =>
            NotNull(renderer).On(channel.Name, listener);

        /// <summary>Listens once on an engine-to-page channel, its payload decoded.</summary>
        public static IDisposable Once<TArg>(this IpcRenderer renderer, EngineToPage<TArg> channel, Action<IpcEvent, TArg> listener) =>
            NotNull(renderer).Once(channel.Name, listener);

        /// <summary>Invokes the engine's handler.</summary>
        public static ValueTask<TResult> InvokeAsync<TArg, TResult>(this IpcRenderer renderer, PageInvoke<TArg, TResult> channel, TArg arg,
            IpcInvokeOptions options = default) =>
            NotNull(renderer).InvokeArgsAsync<IpcArgs<TArg>, TResult>(channel.Name, new IpcArgs<TArg>(arg), options);

        /// <summary>Invokes the engine's handler of a channel that carries no argument.</summary>
        public static ValueTask<TResult> InvokeAsync<TResult>(this IpcRenderer renderer, PageInvoke<IpcVoid, TResult> channel,
            IpcInvokeOptions options = default) =>
            NotNull(renderer).InvokeArgsAsync<IpcArgs, TResult>(channel.Name, new IpcArgs(), options);

        /// <summary>Handles an engine invoke synchronously.</summary>
        public static void Handle<TArg, TResult>(this IpcRenderer renderer, EngineInvoke<TArg, TResult> channel, Func<IpcMainInvokeEvent, TArg, TResult> handler)
        {
            if (handler == null) throw new ArgumentNullException(nameof(handler));
            NotNull(renderer).Handle(channel.Name, e => handler(e, e.Arg<TArg>(0)));
        }

        /// <summary>Handles an engine invoke asynchronously; the token is cancelled when the engine cancels, times out or goes away.</summary>
        public static void Handle<TArg, TResult>(this IpcRenderer renderer, EngineInvoke<TArg, TResult> channel,
            Func<IpcMainInvokeEvent, TArg, CancellationToken, Task<TResult>> handler)
        {
            if (handler == null) throw new ArgumentNullException(nameof(handler));
            NotNull(renderer).Handle(channel.Name, (e, ct) => handler(e, e.Arg<TArg>(0), ct));
        }

        private static T NotNull<T>(T value) where T : class => value ?? throw new ArgumentNullException("this");
    }
}
