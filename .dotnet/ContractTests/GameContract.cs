using System;
using System.Collections.Generic;
using Newtonsoft.Json;

namespace FrameIpc.ContractTests
{
    /// <summary>A contract with every direction and every kind of payload the mapping knows.</summary>
    [IpcContract(TypeScriptName = "GameChannels")]
    public static class GameContract
    {
        public static readonly PageToEngine<Move> Move = new("game:move");
        public static readonly EngineToPage<PlayerState> State = new("game:state");
        public static readonly PageInvoke<int, PlayerState> GetPlayer = new("game:get-player");
        public static readonly EngineInvoke<string, bool> Confirm = new("game:confirm");
        public static readonly PageToEngine<IpcVoid> Ping = new("game:ping");
        public static readonly EngineToPage<Dictionary<string, int>> Scores = new("game:scores");

        /// <summary>Not a channel: the generator skips it.</summary>
        public static readonly string Version = "1";
    }

    public enum Team { Red = 1, Blue = 2 }

    public struct Move
    {
        public float Dx;
        public float Dy;
    }

#nullable enable
    public sealed class PlayerState
    {
        public string Name { get; set; } = "";
        public string? Title { get; set; }
        public int HP { get; set; }
        public Team Team { get; set; }
        public int? Shield { get; set; }
        public long[] Scores { get; set; } = Array.Empty<long>();
        public List<Item> Items { get; set; } = new List<Item>();
        public Dictionary<string, double> Stats { get; set; } = new Dictionary<string, double>();
        public byte[] Avatar { get; set; } = Array.Empty<byte>();
        public DateTime Joined { get; set; }
        public UnityEngine.Vector3 Position { get; set; }
        [JsonProperty("ID")] public string Id { get; set; } = "";
        [JsonIgnore] public int Secret { get; set; }
        public PlayerState? Partner { get; set; }
    }
#nullable restore

    public sealed class Item
    {
        public string URLPath = "";
        public int Count;
    }
}

namespace UnityEngine
{
    /// <summary>Stands in for Unity's Vector3: the mapping goes by full name.</summary>
    public struct Vector3
    {
        public float x;
        public float y;
        public float z;
    }
}
