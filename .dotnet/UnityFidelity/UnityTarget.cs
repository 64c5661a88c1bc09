namespace FrameIpc.UnityFidelity
{
    /// <summary>What Unity compiles for: the Editor (UNITY_EDITOR, editor assemblies included) or a player build.</summary>
    public enum UnityTarget
    {
        Editor,
        Player,
    }
}
