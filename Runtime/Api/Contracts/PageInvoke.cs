namespace FrameIpc
{
    /// <summary>
    /// A contract invoke channel: the page invokes (`ipcRenderer.invoke`), the engine handles (`IpcMain.Handle`). Declare it once, in a static class marked
    /// <see cref="IpcContractAttribute"/>: <c>public static readonly PageInvoke&lt;string, int&gt; Count = new PageInvoke&lt;string, int&gt;("inv:count");</c>.
    /// Its one argument is <typeparamref name="TArg"/> (<see cref="IpcVoid"/> for none); using it in the other direction does not compile.
    /// </summary>
    public readonly struct PageInvoke<TArg, TResult>
    {
        /// <summary>Declares the channel and initialises its payload types' codecs; throws for a name the protocol refuses.</summary>
        public PageInvoke(string name)
        {
            IpcEmitter.CheckChannel(name);
            Name = name;
            // Declared in a contract class's initialiser (a scene load): the payload types' codecs are made and a generated
            // one's methods compiled here, not in the tick that sends or receives the channel's first message.
            if (typeof(TArg) != typeof(IpcVoid)) ValueCodec<TArg>.Prepare();
            ValueCodec<TResult>.Prepare();
        }

        /// <summary>The channel's name on the wire.</summary>
        public string Name { get; }

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
