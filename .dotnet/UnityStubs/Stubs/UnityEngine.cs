// Signatures copied from Unity's C# reference (UnityEngine.CoreModule, IMGUIModule), bodies left out: build-only. Two
// exceptions, so the glue's tests can run against these types rather than a copy of them: PlayerLoop keeps the loop it
// is given (starting from a miniature of Unity's default), and Application can raise quitting.
#nullable disable
#pragma warning disable CS1591, CS0067
using System;

namespace UnityEngine
{
    public class Object
    {
        public string name { get => throw Stub.Missing; set => throw Stub.Missing; }
        public static void DontDestroyOnLoad(Object target) => throw Stub.Missing;
    }

    public class GameObject : Object { }
    public class Component : Object { public GameObject gameObject => throw Stub.Missing; }
    public class Behaviour : Component { public bool enabled { get; set; } }
    public class MonoBehaviour : Behaviour { }
    public class ScriptableObject : Object { }

    public static class Application
    {
        public static bool isPlaying => throw Stub.Missing;
        public static bool isEditor => throw Stub.Missing;
        public static string streamingAssetsPath => throw Stub.Missing;
        public static string dataPath => throw Stub.Missing;
        public static string productName => throw Stub.Missing;
        public static string unityVersion => throw Stub.Missing;
        public static void OpenURL(string url) => throw Stub.Missing;
        public static event Action quitting;

        /// <summary>Tests only: what Unity does when the player quits.</summary>
        internal static void Quit() => quitting?.Invoke();
    }

    public class Time
    {
        public static float deltaTime => throw Stub.Missing;
        public static float unscaledDeltaTime => throw Stub.Missing;
    }

    public class Debug
    {
        public static bool isDebugBuild => throw Stub.Missing;
        public static void Log(object message) => throw Stub.Missing;
        public static void LogWarning(object message) => throw Stub.Missing;
        public static void LogError(object message) => throw Stub.Missing;
        public static void LogException(Exception exception) => throw Stub.Missing;
        public static void LogException(Exception exception, Object context) => throw Stub.Missing;
    }

    public struct Mathf
    {
        public static int Clamp(int value, int min, int max) => throw Stub.Missing;
        public static float Clamp(float value, float min, float max) => throw Stub.Missing;
    }

    // Vector2 and the other value types: UnityValueTypes.cs.

    public enum RuntimeInitializeLoadType { AfterSceneLoad = 0, BeforeSceneLoad = 1, AfterAssembliesLoaded = 2, BeforeSplashScreen = 3, SubsystemRegistration = 4 }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class RuntimeInitializeOnLoadMethodAttribute : Attribute
    {
        public RuntimeInitializeOnLoadMethodAttribute() { }
        public RuntimeInitializeOnLoadMethodAttribute(RuntimeInitializeLoadType loadType) { }
    }

    [AttributeUsage(AttributeTargets.Class)]
    public class DefaultExecutionOrder : Attribute { public DefaultExecutionOrder(int order) { } }

    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class DisallowMultipleComponent : Attribute { }

    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public sealed class AddComponentMenu : Attribute { public AddComponentMenu(string menuName) { } }

    [AttributeUsage(AttributeTargets.Field)]
    public sealed class SerializeField : Attribute { }

    public abstract class PropertyAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Field, Inherited = true, AllowMultiple = false)]
    public class TooltipAttribute : PropertyAttribute { public TooltipAttribute(string tooltip) { } }

    public class GUIStyle { }
    public class GUIContent { public GUIContent(string text) { } }
    public sealed class GUILayoutOption { }

    public class GUILayout
    {
        public static void Label(string text, params GUILayoutOption[] options) => throw Stub.Missing;
        public static void Label(GUIContent content, params GUILayoutOption[] options) => throw Stub.Missing;
        public static bool Button(string text, params GUILayoutOption[] options) => throw Stub.Missing;
        public static bool Button(GUIContent content, params GUILayoutOption[] options) => throw Stub.Missing;
        public static bool Toggle(bool value, string text, params GUILayoutOption[] options) => throw Stub.Missing;
        public static bool Toggle(bool value, GUIContent content, params GUILayoutOption[] options) => throw Stub.Missing;
        public static void BeginHorizontal(params GUILayoutOption[] options) => throw Stub.Missing;
        public static void EndHorizontal() => throw Stub.Missing;
        public static void FlexibleSpace() => throw Stub.Missing;
        public static GUILayoutOption Width(float width) => throw Stub.Missing;
        public static GUILayoutOption MinHeight(float minHeight) => throw Stub.Missing;
    }

    internal static class Stub
    {
        public static Exception Missing => new NotSupportedException("a compile-time stub of a Unity API");
    }
}

namespace UnityEngine.SceneManagement
{
    public struct Scene
    {
        public string name => throw Stub.Missing;
        public GameObject[] GetRootGameObjects() => throw Stub.Missing;
    }

    public class SceneManager
    {
        public static Scene GetActiveScene() => throw Stub.Missing;
    }
}

namespace UnityEngine.LowLevel
{
    public struct PlayerLoopSystem
    {
        public Type type;
        public PlayerLoopSystem[] subSystemList;
        public UpdateFunction updateDelegate;
        public IntPtr updateFunction;
        public IntPtr loopConditionFunction;

        public delegate void UpdateFunction();
    }

    public class PlayerLoop
    {
        private static PlayerLoopSystem s_current = GetDefaultPlayerLoop();

        /// <summary>Tests only: how many times the loop was set.</summary>
        internal static int Sets { get; private set; }

        /// <summary>Unity's default loop in miniature: a root without a type, its phases, a few of their systems.</summary>
        public static PlayerLoopSystem GetDefaultPlayerLoop() => new PlayerLoopSystem
        {
            subSystemList = new[]
            {
                Phase(typeof(UnityEngine.PlayerLoop.Initialization)),
                Phase(typeof(UnityEngine.PlayerLoop.Update), typeof(UnityEngine.PlayerLoop.Update.ScriptRunBehaviourUpdate)),
                Phase(typeof(UnityEngine.PlayerLoop.PreLateUpdate), typeof(UnityEngine.PlayerLoop.PreLateUpdate.ScriptRunBehaviourLateUpdate)),
                Phase(typeof(UnityEngine.PlayerLoop.PostLateUpdate)),
            },
        };

        public static PlayerLoopSystem GetCurrentPlayerLoop() => s_current;

        public static void SetPlayerLoop(PlayerLoopSystem loop)
        {
            s_current = loop;
            Sets++;
        }

        /// <summary>Tests only: the default loop again, and no sets counted.</summary>
        internal static void Reset()
        {
            s_current = GetDefaultPlayerLoop();
            Sets = 0;
        }

        private static PlayerLoopSystem Phase(Type type, params Type[] systems)
        {
            var children = new PlayerLoopSystem[systems.Length];
            for (int i = 0; i < systems.Length; i++) children[i] = new PlayerLoopSystem { type = systems[i] };
            return new PlayerLoopSystem { type = type, subSystemList = children };
        }
    }
}

namespace UnityEngine.PlayerLoop
{
    public struct Initialization { }
    public struct Update { public struct ScriptRunBehaviourUpdate { } }
    public struct PreLateUpdate { public struct ScriptRunBehaviourLateUpdate { } }
    public struct PostLateUpdate { }
}

namespace Unity.Profiling
{
    public struct ProfilerMarker
    {
        public ProfilerMarker(string name) { }
        public void Begin() { }
        public void Begin(UnityEngine.Object contextUnityObject) { }
        public void End() { }
        public AutoScope Auto() => default;

        public struct AutoScope : IDisposable
        {
            public void Dispose() { }
        }
    }
}
