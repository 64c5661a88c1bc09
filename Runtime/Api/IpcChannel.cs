using System;

namespace FrameIpc
{
    /// <summary>
    /// A channel with its argument type, declared once and shared by sender and listener, so a typo or a wrong type is a
    /// compile error: <c>static readonly IpcChannel&lt;int&gt; Health = new IpcChannel&lt;int&gt;("hud:health");</c>
    /// </summary>
    public readonly struct IpcChannel<TArg>
    {
        /// <summary>Declares the channel.</summary>
        public IpcChannel(string name)
        {
            IpcEmitter.CheckChannel(name);
            Name = name;
        }

        /// <summary>The channel's name on the wire.</summary>
        public string Name { get; }

        /// <inheritdoc />
        public override string ToString() => Name;
    }

    /// <summary>An invoke channel with its argument and result types (see <see cref="IpcChannel{TArg}"/>).</summary>
    public readonly struct IpcInvokeChannel<TArg, TResult>
    {
        /// <summary>Declares the channel.</summary>
        public IpcInvokeChannel(string name)
        {
            IpcEmitter.CheckChannel(name);
            Name = name;
        }

        /// <summary>The channel's name on the wire.</summary>
        public string Name { get; }

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
