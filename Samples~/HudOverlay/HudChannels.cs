#nullable enable
namespace FrameIpc.Samples.HudOverlay
{
    /// <summary>
    /// The HUD's channels, declared once: <see cref="HudController"/> uses them, and the page's typings (hud-channels.d.ts)
    /// are generated from them (`dotnet run --project .dotnet/ContractGen -- &lt;FrameIpc.Demo.dll&gt;
    /// Samples~/HudOverlay/hud-channels.d.ts FrameIpc.Samples.HudOverlay.HudChannels`, or Tools &gt; FrameIPC &gt;
    /// Generate TypeScript Contracts in Unity).
    /// </summary>
    [IpcContract]
    public static class HudChannels
    {
        /// <summary>The page invokes it (its Reload button) with nothing; the engine answers with a sentence to show.</summary>
        public static readonly PageInvoke<IpcVoid, string> Reload = new PageInvoke<IpcVoid, string>("hud:reload");

        /// <summary>Health, 0 to <see cref="HudController.MaxHealth"/>, when it changes.</summary>
        public static readonly EngineToPage<int> Health = new EngineToPage<int>("hud:health");

        /// <summary>Rounds left, 0 to <see cref="HudController.MaxAmmo"/>, when they change.</summary>
        public static readonly EngineToPage<int> Ammo = new EngineToPage<int>("hud:ammo");

        /// <summary>A sentence for the notification stack.</summary>
        public static readonly EngineToPage<string> Notify = new EngineToPage<string>("hud:notify");

        /// <summary>The frame number, ten times a second, so the page shows the engine is alive.</summary>
        public static readonly EngineToPage<long> Frame = new EngineToPage<long>("hud:frame");

        /// <summary>To one page, when it connects: the ranges of its gauges.</summary>
        public static readonly EngineToPage<HudConfig> Config = new EngineToPage<HudConfig>("hud:config");
    }
}
