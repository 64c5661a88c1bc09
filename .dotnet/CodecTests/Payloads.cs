using System.Collections.Generic;
using FrameIpc;
using Newtonsoft.Json;

namespace FrameIpc.CodecTests
{
    public enum Team { Red, Blue, Green = 7 }

    public enum Big : ulong { Zero = 0, Max = ulong.MaxValue }

    [IpcMessage]
    public sealed class PlayerState
    {
        public string Name { get; set; }
        public int Hp { get; set; }
        public float X { get; set; }
        public float Y { get; set; }
        public float Z { get; set; }
        public bool Alive { get; set; }
        public long Score { get; set; }
        public Team Team { get; set; }
        public int? Shield { get; set; }
    }

    [IpcMessage]
    public struct Vec
    {
        public float X;
        public float Y;
        public double Z;
    }

    [IpcMessage]
    public sealed record Loadout(string Weapon, int[] Ammo, List<string> Perks);

    [IpcMessage]
    public sealed record Settings
    {
        public string Title { get; init; }
        public int Volume { get; init; }
    }

    public static class Outer
    {
        [IpcMessage]
        public sealed class Inner
        {
            public string Label { get; set; }
            public Inner Child { get; set; }
        }
    }

    [IpcMessage]
    public sealed class Inventory
    {
        public Dictionary<string, int> Counts;
        public List<Vec> Path;
        public Vec[] Points;
        public Outer.Inner Inner;
        public byte[] Bytes;
        public double Ratio;
        public decimal Price;
        public char Grade;
        public ulong Huge;
        public short Small;
        public byte Tiny;
        public uint Unsigned;
        public Team? MaybeTeam;
        public Big BigEnum;
        public Vec? MaybeVec;
        public int[][] Jagged;
        public Dictionary<string, List<Vec?>> Deep;
        public Loadout Loadout;
        public Settings Settings;

        [JsonProperty("custom_name")]
        public string Renamed;

        [JsonIgnore]
        public int Ignored;

        public string URLPath { get; set; }
    }
}

namespace FrameIpc.CodecTests
{
    [FrameIpc.IpcMessage]
    public readonly struct Pose
    {
        public readonly float X;
        public readonly float Y;
        public Pose(float x, float y) { X = x; Y = y; }
    }
}
