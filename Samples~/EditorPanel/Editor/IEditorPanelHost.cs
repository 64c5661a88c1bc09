#nullable enable
using System.Collections.Generic;

namespace FrameIpc.Samples.EditorPanel
{
    /// <summary>
    /// What the panel needs from the Editor. The sample's window implements it with UnityEditor APIs; a test or a
    /// plain .NET host implements it with anything, so <see cref="EditorPanelController"/> runs without Unity.
    /// </summary>
    public interface IEditorPanelHost
    {
        /// <summary>The product and editor version, e.g. "My Game (Unity 2022.3.10f1)".</summary>
        string Description { get; }

        /// <summary>Whether the Editor is in play mode.</summary>
        bool IsPlaying { get; }

        /// <summary>Seconds since the Editor started.</summary>
        double Time { get; }

        /// <summary>Fills <paramref name="into"/> with the names of the active scene's root objects.</summary>
        void CopyRootObjectNames(List<string> into);

        /// <summary>Selects the root object named <paramref name="name"/>; false if there is none.</summary>
        bool Select(string name);

        /// <summary>Writes <paramref name="message"/> to the Editor's Console.</summary>
        void Log(string message);
    }
}
