#nullable enable
using Newtonsoft.Json;

namespace FrameIpc.Samples.HudOverlay
{
    /// <summary>What a page learns when it connects (<c>hud:config</c>): the ranges of its gauges.</summary>
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
