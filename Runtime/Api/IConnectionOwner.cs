namespace FrameIpc
{
    /// <summary>What owns a connection that a tick drives: a view on the engine, or a C# renderer.</summary>
    internal interface IConnectionOwner
    {
        IpcConnection Connection { get; }
    }
}
