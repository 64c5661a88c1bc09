namespace FrameIpc
{
    /// <summary>
    /// The payload of a contract channel that carries none: <c>PageInvoke&lt;IpcVoid, string&gt;</c> is invoked with no
    /// argument, and its TypeScript map entry has <c>args: []</c>. It never crosses the wire.
    /// </summary>
    public readonly struct IpcVoid
    {
    }
}
