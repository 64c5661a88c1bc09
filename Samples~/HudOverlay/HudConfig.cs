#nullable enable
using Newtonsoft.Json;

namespace FrameIpc.Samples.HudOverlay
{
    /// <summary>
    /// What a page learns when it connects (<c>hud:config</c>): the ranges of its gauges. Marked for a generated codec (Unity 6
    /// and later; before, it crosses through Newtonsoft with the same JSON), so the tick a page connects in builds no
    /// Newtonsoft contract for it.
    /// </summary>
    [IpcMessage]
    public sealed class HudConfig
    {
        /// <summary>Full health.</summary>
        [JsonProperty("maxHealth")]
        public int MaxHealth { get; set; }

        /// <summary>A full magazine.</summary>
        [JsonProperty("maxAmmo")]
        public int MaxAmmo { get; set; }
    }
}
