namespace FrameIpc
{
    /// <summary>
    /// A contract invoke channel: the engine invokes (`WebContents.InvokeAsync`), the page handles (`ipcRenderer.handle`). Declare it once, in a static class marked
    /// <see cref="IpcContractAttribute"/>: <c>public static readonly EngineInvoke&lt;string, int&gt; Count = new EngineInvoke&lt;string, int&gt;("inv:count");</c>.
    /// Its one argument is <typeparamref name="TArg"/> (<see cref="IpcVoid"/> for none); using it in the other direction does not compile.
    /// </summary>
    public readonly struct EngineInvoke<TArg, TResult>
    {
        /// <summary>Declares the channel and initialises its payload types' codecs; throws for a name the protocol refuses.</summary>
        public EngineInvoke(string name)
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
