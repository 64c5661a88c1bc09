namespace FrameIpc
{
    /// <summary>
    /// A message's arguments, written without boxing: generic structs the JIT specialises, so
    /// <c>Send("hud:health", 87, 100)</c> writes two ints straight into the outbound buffer.
    /// </summary>
    public interface IIpcArgs
    {
        /// <summary>Writes each argument as one JSON value (the caller writes the surrounding array).</summary>
        void WriteTo(IpcArgWriter writer);
    }

    /// <summary>No arguments.</summary>
    public readonly struct IpcArgs : IIpcArgs
    {
        /// <inheritdoc />
        public void WriteTo(IpcArgWriter writer) { }
    }

    /// <summary>One argument.</summary>
    public readonly struct IpcArgs<T1> : IIpcArgs
    {
        private readonly T1 _a1;
        /// <summary>Wraps the argument.</summary>
        public IpcArgs(T1 a1) { _a1 = a1; }
        /// <inheritdoc />
        public void WriteTo(IpcArgWriter writer) => writer.Write(_a1);
    }

    /// <summary>Two arguments.</summary>
    public readonly struct IpcArgs<T1, T2> : IIpcArgs
    {
        private readonly T1 _a1;
        private readonly T2 _a2;
        /// <summary>Wraps the arguments.</summary>
        public IpcArgs(T1 a1, T2 a2) { _a1 = a1; _a2 = a2; }
        /// <inheritdoc />
        public void WriteTo(IpcArgWriter writer)
        {
            writer.Write(_a1);
            writer.Write(_a2);
        }
    }

    /// <summary>Three arguments.</summary>
    public readonly struct IpcArgs<T1, T2, T3> : IIpcArgs
    {
        private readonly T1 _a1;
        private readonly T2 _a2;
        private readonly T3 _a3;
        /// <summary>Wraps the arguments.</summary>
        public IpcArgs(T1 a1, T2 a2, T3 a3) { _a1 = a1; _a2 = a2; _a3 = a3; }
        /// <inheritdoc />
        public void WriteTo(IpcArgWriter writer)
        {
            writer.Write(_a1);
            writer.Write(_a2);
            writer.Write(_a3);
        }
    }

    /// <summary>Any number of arguments, boxed: the convenient form for more than three.</summary>
    public readonly struct IpcArgsArray : IIpcArgs
    {
        private readonly object?[] _args;
        /// <summary>Wraps the arguments.</summary>
        public IpcArgsArray(object?[] args) { _args = args ?? new object?[0]; }
        /// <inheritdoc />
        public void WriteTo(IpcArgWriter writer)
        {
            for (int i = 0; i < _args.Length; i++) writer.WriteBoxed(_args[i]);
        }
    }
}
