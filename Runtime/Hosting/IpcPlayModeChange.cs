namespace FrameIpc
{
    /// <summary>The Editor's play-mode transitions, in the order Unity raises them (mirrors <c>UnityEditor.PlayModeStateChange</c>).</summary>
    public enum IpcPlayModeChange
    {
        /// <summary>Edit mode began (after play mode ended).</summary>
        EnteredEditMode,
        /// <summary>Edit mode is about to end (play was pressed).</summary>
        ExitingEditMode,
        /// <summary>Play mode began.</summary>
        EnteredPlayMode,
        /// <summary>Play mode is about to end: the last moment the game's engines can flush.</summary>
        ExitingPlayMode,
    }
}
