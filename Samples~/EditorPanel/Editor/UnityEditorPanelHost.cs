#if UNITY_EDITOR
#nullable enable
using System.Collections.Generic;
using UnityEditor;
using UnityEngine;
using UnityEngine.SceneManagement;

namespace FrameIpc.Samples.EditorPanel
{
    /// <summary><see cref="IEditorPanelHost"/> over the Editor: the active scene, the selection and the Console.</summary>
    public sealed class UnityEditorPanelHost : IEditorPanelHost
    {
        /// <inheritdoc />
        public string Description => Application.productName + " (Unity " + Application.unityVersion + ")";

        /// <inheritdoc />
        public bool IsPlaying => EditorApplication.isPlaying;

        /// <inheritdoc />
        public double Time => EditorApplication.timeSinceStartup;

        /// <inheritdoc />
        public void CopyRootObjectNames(List<string> into)
        {
            foreach (var root in SceneManager.GetActiveScene().GetRootGameObjects()) into.Add(root.name);
        }

        /// <inheritdoc />
        public bool Select(string name)
        {
            foreach (var root in SceneManager.GetActiveScene().GetRootGameObjects())
            {
                if (root.name != name) continue;
                Selection.activeGameObject = root;
                EditorGUIUtility.PingObject(root);
                return true;
            }
            return false;
        }

        /// <inheritdoc />
        public void Log(string message) => Debug.Log(message);
    }
}
#endif
