namespace FrameIpc
{
    /// <summary>
    /// Electron's <c>MessageChannelMain</c>: two entangled <see cref="MessagePortMain"/>s. Keep one and post the other to a
    /// view with <see cref="WebContents.PostMessage{T}"/>, or post one to each of two views and they talk page to page,
    /// relayed by the engine on the tick with no engine code per message.
    /// </summary>
    public sealed class MessageChannelMain
    {
        /// <summary>Creates a channel whose ports belong to <paramref name="main"/> (their messages are dispatched in its tick).</summary>
        public MessageChannelMain(IpcMain main)
        {
            if (main == null) throw new System.ArgumentNullException(nameof(main));
            Port1 = new MessagePortMain(main.Ports);
            Port2 = new MessagePortMain(main.Ports);
            MessagePortMain.Entangle(Port1, Port2);
        }

        /// <summary>One end.</summary>
        public MessagePortMain Port1 { get; }

        /// <summary>The other end.</summary>
        public MessagePortMain Port2 { get; }
    }
}
