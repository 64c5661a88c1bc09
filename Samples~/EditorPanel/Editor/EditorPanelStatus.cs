#nullable enable
using Newtonsoft.Json;

namespace FrameIpc.Samples.EditorPanel
{
    /// <summary>What <c>panel:status</c> pushes twice a second.</summary>
    public sealed class EditorPanelStatus
    {
        /// <summary><see cref="IEditorPanelHost.Description"/>.</summary>
        [JsonProperty("description")]
        public string Description { get; set; } = "";

        /// <summary><see cref="IEditorPanelHost.IsPlaying"/>.</summary>
        [JsonProperty("playing")]
        public bool IsPlaying { get; set; }

        /// <summary><see cref="IEditorPanelHost.Time"/>, in seconds.</summary>
        [JsonProperty("time")]
        public double Time { get; set; }

        /// <summary>Editor ticks so far.</summary>
        [JsonProperty("ticks")]
        public long Ticks { get; set; }
    }
}
