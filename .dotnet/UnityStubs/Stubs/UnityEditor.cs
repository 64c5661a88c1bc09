// Signatures copied from Unity's C# reference (UnityEditor.CoreModule), bodies left out: build-only (but for a way for
// the glue's tests to raise playModeStateChanged and beforeAssemblyReload).
#nullable disable
#pragma warning disable CS1591, CS0067
using System;
using UnityEngine;

namespace UnityEditor
{
    public enum PlayModeStateChange { EnteredEditMode = 0, ExitingEditMode = 1, EnteredPlayMode = 2, ExitingPlayMode = 3 }

    public sealed class EditorApplication
    {
        public delegate void CallbackFunction();
        public static CallbackFunction update;
        public static CallbackFunction delayCall;
        public static bool isPlaying { get => throw Missing; set => throw Missing; }
        public static bool isCompiling => throw Missing;
        public static double timeSinceStartup => throw Missing;
        public static event Action<PlayModeStateChange> playModeStateChanged;

        /// <summary>Tests only: what the Editor does on a play-mode change.</summary>
        internal static void ChangePlayMode(PlayModeStateChange change) => playModeStateChanged?.Invoke(change);
        public static event Action quitting;
        internal static Exception Missing => new NotSupportedException("a compile-time stub of a Unity API");
    }

    public static class AssemblyReloadEvents
    {
        public delegate void AssemblyReloadCallback();
        public static event AssemblyReloadCallback beforeAssemblyReload;

        /// <summary>Tests only: what the Editor does before it reloads the scripts' assemblies.</summary>
        internal static void Reload() => beforeAssemblyReload?.Invoke();
        public static event AssemblyReloadCallback afterAssemblyReload;
    }

    [AttributeUsage(AttributeTargets.Class)]
    public class InitializeOnLoadAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method)]
    public class InitializeOnLoadMethodAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class MenuItem : Attribute
    {
        public MenuItem(string itemName) { }
        public MenuItem(string itemName, bool isValidateFunction) { }
        public MenuItem(string itemName, bool isValidateFunction, int priority) { }
    }

    public class EditorWindow : ScriptableObject
    {
        public GUIContent titleContent { get => throw EditorApplication.Missing; set => throw EditorApplication.Missing; }
        public static T GetWindow<T>() where T : EditorWindow => throw EditorApplication.Missing;
        public static T GetWindow<T>(string title) where T : EditorWindow => throw EditorApplication.Missing;
        public static T GetWindow<T>(string title, bool focus) where T : EditorWindow => throw EditorApplication.Missing;
        public void Repaint() => throw EditorApplication.Missing;
        public void Show() => throw EditorApplication.Missing;
        public void Close() => throw EditorApplication.Missing;
    }

    public class EditorUtility
    {
        public static string SaveFilePanel(string title, string directory, string defaultName, string extension) => throw EditorApplication.Missing;
    }

    public class Selection
    {
        public static GameObject activeGameObject { get => throw EditorApplication.Missing; set => throw EditorApplication.Missing; }
    }

    public class EditorGUIUtility
    {
        public static void PingObject(UnityEngine.Object obj) => throw EditorApplication.Missing;
    }

    public class AssetDatabase
    {
        public static string GetAssetPath(UnityEngine.Object assetObject) => throw EditorApplication.Missing;
        public static void Refresh() => throw EditorApplication.Missing;
    }

    public class MonoScript : UnityEngine.Object
    {
        public static MonoScript FromScriptableObject(ScriptableObject scriptableObject) => throw EditorApplication.Missing;
        public static MonoScript FromMonoBehaviour(MonoBehaviour behaviour) => throw EditorApplication.Missing;
    }

    public enum MessageType { None = 0, Info = 1, Warning = 2, Error = 3 }

    public sealed class EditorStyles
    {
        public static GUIStyle boldLabel => throw EditorApplication.Missing;
        public static GUIStyle label => throw EditorApplication.Missing;
    }

    public sealed class EditorGUILayout
    {
        public static void LabelField(string label, params GUILayoutOption[] options) => throw EditorApplication.Missing;
        public static void LabelField(string label, GUIStyle style, params GUILayoutOption[] options) => throw EditorApplication.Missing;
        public static void LabelField(GUIContent label, params GUILayoutOption[] options) => throw EditorApplication.Missing;
        public static void LabelField(string label, string label2, params GUILayoutOption[] options) => throw EditorApplication.Missing;
        public static void LabelField(string label, string label2, GUIStyle style, params GUILayoutOption[] options) => throw EditorApplication.Missing;
        public static string TextField(string text, params GUILayoutOption[] options) => throw EditorApplication.Missing;
        public static string TextField(string label, string text, params GUILayoutOption[] options) => throw EditorApplication.Missing;
        public static string TextField(string label, string text, GUIStyle style, params GUILayoutOption[] options) => throw EditorApplication.Missing;
        public static int IntField(int value, params GUILayoutOption[] options) => throw EditorApplication.Missing;
        public static int IntField(string label, int value, params GUILayoutOption[] options) => throw EditorApplication.Missing;
        public static int IntField(string label, int value, GUIStyle style, params GUILayoutOption[] options) => throw EditorApplication.Missing;
        public static bool Toggle(string label, bool value, params GUILayoutOption[] options) => throw EditorApplication.Missing;
        public static int Popup(int selectedIndex, string[] displayedOptions, params GUILayoutOption[] options) => throw EditorApplication.Missing;
        public static int Popup(string label, int selectedIndex, string[] displayedOptions, params GUILayoutOption[] options) => throw EditorApplication.Missing;
        public static int Popup(string label, int selectedIndex, string[] displayedOptions, GUIStyle style, params GUILayoutOption[] options) => throw EditorApplication.Missing;
        public static void SelectableLabel(string text, params GUILayoutOption[] options) => throw EditorApplication.Missing;
        public static void SelectableLabel(string text, GUIStyle style, params GUILayoutOption[] options) => throw EditorApplication.Missing;
        public static void HelpBox(string message, MessageType type) => throw EditorApplication.Missing;
        public static void HelpBox(string message, MessageType type, bool wide) => throw EditorApplication.Missing;
        public static Vector2 BeginScrollView(Vector2 scrollPosition, params GUILayoutOption[] options) => throw EditorApplication.Missing;
        public static Vector2 BeginScrollView(Vector2 scrollPosition, GUIStyle style, params GUILayoutOption[] options) => throw EditorApplication.Missing;
        public static void EndScrollView() => throw EditorApplication.Missing;
    }
}
