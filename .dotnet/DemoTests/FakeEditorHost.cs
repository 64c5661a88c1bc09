using System.Collections.Generic;
using System.Diagnostics;
using FrameIpc.Samples.EditorPanel;

namespace FrameIpc.DemoTests
{
    /// <summary>An Editor with three root objects, a selection and a Console, for the Editor Panel page. Thread-safe.</summary>
    internal sealed class FakeEditorHost : IEditorPanelHost
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly object _lock = new object();
        private readonly List<string> _logs = new List<string>();
        private string _selected;

        public static readonly string[] Roots = { "Main Camera", "Directional Light", "Player" };

        public string Description => "Panel Test (Unity 2022.3.0f1)";
        public bool IsPlaying => false;
        public double Time => _clock.Elapsed.TotalSeconds;

        public string Selected { get { lock (_lock) return _selected; } }

        public List<string> Logs { get { lock (_lock) return new List<string>(_logs); } }

        public void CopyRootObjectNames(List<string> into) => into.AddRange(Roots);

        public bool Select(string name)
        {
            if (System.Array.IndexOf(Roots, name) < 0) return false;
            lock (_lock) _selected = name;
            return true;
        }

        public void Log(string message)
        {
            lock (_lock) _logs.Add(message);
        }
    }
}
