using System.Threading.Tasks;

namespace FrameIpc
{
    /// <summary>
    /// Something that sends to the other side: a <see cref="WebContents"/> (engine to view) or an <see cref="IpcRenderer"/>
    /// (view to engine). Use the overloads in <see cref="IpcSenderExtensions"/>: <c>Send(channel, args...)</c> and
    /// <c>InvokeAsync&lt;TResult&gt;(channel, args...)</c>.
    /// </summary>
    public interface IIpcSender
    {
        /// <summary>Queues a message; it leaves with this tick's batch. Throws <see cref="IpcException"/> if it cannot be sent.</summary>
        void SendArgs<TArgs>(string channel, in TArgs args) where TArgs : struct, IIpcArgs;

        /// <summary>Queues an invoke and returns its result. Await the task exactly once.</summary>
        ValueTask<TResult> InvokeArgsAsync<TArgs, TResult>(string channel, in TArgs args, IpcInvokeOptions options) where TArgs : struct, IIpcArgs;
    }
}
