using System;
using System.Threading;
using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// The engine's side of contract channels: it listens on <see cref="PageToEngine{TArg}"/>, sends on
    /// <see cref="EngineToPage{TArg}"/>, handles <see cref="PageInvoke{TArg, TResult}"/> and invokes
    /// <see cref="EngineInvoke{TArg, TResult}"/>. There is deliberately no overload for the other direction, so
    /// <c>view.Send(pageToEngineChannel, x)</c> or <c>main.On(engineToPageChannel, ...)</c> is a compile error.
    /// </summary>
    public static class IpcContractEngineExtensions
    {
        /// <summary>Listens on a page-to-engine channel, its payload decoded.</summary>
        public static IDisposable On<TArg>(this IpcMain main, PageToEngine<TArg> channel, Action<IpcEvent, TArg> listener) =>
            NotNull(main).On(channel.Name, listener);

        /// <summary>Listens once on a page-to-engine channel, its payload decoded.</summary>
        public static IDisposable Once<TArg>(this IpcMain main, PageToEngine<TArg> channel, Action<IpcEvent, TArg> listener) =>
            NotNull(main).Once(channel.Name, listener);

        /// <summary>Listens on a page-to-engine channel that carries no payload.</summary>
        public static IDisposable On(this IpcMain main, PageToEngine<IpcVoid> channel, Action<IpcEvent> listener) =>
            NotNull(main).On(channel.Name, listener);

        /// <summary>Sends the payload to one view.</summary>
        public static void Send<TArg>(this WebContents view, EngineToPage<TArg> channel, TArg arg) =>
            NotNull(view).SendArgs(channel.Name, new IpcArgs<TArg>(arg));

        /// <summary>Sends on a channel that carries no payload to one view.</summary>
        public static void Send(this WebContents view, EngineToPage<IpcVoid> channel) =>
            NotNull(view).SendArgs(channel.Name, new IpcArgs());

        /// <summary>Sends the payload to every ready view (see <see cref="IpcMain.Broadcast{T1}"/>).</summary>
        public static void Broadcast<TArg>(this IpcMain main, EngineToPage<TArg> channel, TArg arg) =>
            NotNull(main).Broadcast(channel.Name, arg);

        /// <summary>Handles a page invoke synchronously.</summary>
        public static void Handle<TArg, TResult>(this IpcMain main, PageInvoke<TArg, TResult> channel, Func<IpcMainInvokeEvent, TArg, TResult> handler)
        {
            if (handler == null) throw new ArgumentNullException(nameof(handler));
            NotNull(main).Handle(channel.Name, e => handler(e, e.Arg<TArg>(0)));
        }

        /// <summary>Handles a page invoke asynchronously; the token is cancelled when the caller cancels, times out or goes away.</summary>
        public static void Handle<TArg, TResult>(this IpcMain main, PageInvoke<TArg, TResult> channel,
            Func<IpcMainInvokeEvent, TArg, CancellationToken, Task<TResult>> handler)
        {
            if (handler == null) throw new ArgumentNullException(nameof(handler));
            NotNull(main).Handle(channel.Name, (e, ct) => handler(e, e.Arg<TArg>(0), ct));
        }

        /// <summary>Handles a page invoke that carries no argument.</summary>
        public static void Handle<TResult>(this IpcMain main, PageInvoke<IpcVoid, TResult> channel, Func<IpcMainInvokeEvent, TResult> handler) =>
            NotNull(main).Handle(channel.Name, handler);

        /// <summary>Removes the handler of a page invoke.</summary>
        public static void RemoveHandler<TArg, TResult>(this IpcMain main, PageInvoke<TArg, TResult> channel) =>
            NotNull(main).RemoveHandler(channel.Name);

        /// <summary>Invokes the view's handler.</summary>
        public static ValueTask<TResult> InvokeAsync<TArg, TResult>(this WebContents view, EngineInvoke<TArg, TResult> channel, TArg arg,
            IpcInvokeOptions options = default) =>
            NotNull(view).InvokeArgsAsync<IpcArgs<TArg>, TResult>(channel.Name, new IpcArgs<TArg>(arg), options);

        /// <summary>Invokes the view's handler of a channel that carries no argument.</summary>
        public static ValueTask<TResult> InvokeAsync<TResult>(this WebContents view, EngineInvoke<IpcVoid, TResult> channel,
            IpcInvokeOptions options = default) =>
            NotNull(view).InvokeArgsAsync<IpcArgs, TResult>(channel.Name, new IpcArgs(), options);

        private static T NotNull<T>(T value) where T : class => value ?? throw new ArgumentNullException("this");
    }
}
