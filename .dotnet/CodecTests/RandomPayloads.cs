using System;
using System.Collections.Generic;

namespace FrameIpc.CodecTests
{
    /// <summary>Seeded random payloads: nulls, empty and long strings, escapes, surrogates, extremes of every number type.</summary>
    internal sealed class RandomPayloads
    {
        private readonly Random _r;

        public RandomPayloads(int seed) { _r = new Random(seed); }

        public bool Chance(int percent) => _r.Next(100) < percent;

        public string Text()
        {
            if (Chance(10)) return null;
            int length = Chance(5) ? _r.Next(200) : _r.Next(12);
            var chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                int kind = _r.Next(10);
                chars[i] = kind == 0 ? (char)_r.Next(0x20) : kind == 1 ? "\"\\/<>&'$"[_r.Next(8)] : kind == 2 ? (char)_r.Next(0x80, 0xD7FF) : (char)_r.Next('0', 'z');
            }
            return new string(chars);
        }

        public int Int() => Chance(10) ? (Chance(50) ? int.MinValue : int.MaxValue) : _r.Next(-1000, 1000);
        public long Long() => Chance(10) ? (Chance(50) ? long.MinValue : long.MaxValue) : (long)(_r.NextDouble() * 1e15) - 5 * (long)1e14;

        // Finite only: Newtonsoft writes NaN and infinities as strings ("NaN"), which the generated codec refuses (see the docs).
        public double Double()
        {
            switch (_r.Next(5))
            {
                case 0: return 0;
                case 1: return Math.Round(_r.NextDouble() * 1000, 2);
                case 2: return _r.Next(-100, 100);
                default:
                    double d;
                    do d = BitConverter.Int64BitsToDouble(((long)_r.Next() << 32) | (uint)_r.Next()); while (double.IsNaN(d) || double.IsInfinity(d));
                    return d;
            }
        }

        public float Float()
        {
            float f;
            do f = _r.Next(4) == 0 ? BitConverter.Int32BitsToSingle(_r.Next()) * (Chance(50) ? -1 : 1) : (float)Math.Round(_r.NextDouble() * 500 - 250, 3);
            while (float.IsNaN(f) || float.IsInfinity(f));
            return f;
        }

        public T Pick<T>(params T[] values) => values[_r.Next(values.Length)];

        public PlayerState PlayerState() => Chance(3) ? null : new PlayerState
        {
            Name = Text(), Hp = Int(), X = Float(), Y = Float(), Z = Float(), Alive = Chance(50), Score = Long(),
            Team = Pick(Team.Red, Team.Blue, Team.Green, (Team)42), Shield = Chance(30) ? null : Int(),
        };

        public Vec Vec() => new Vec { X = Float(), Y = Float(), Z = Double() };

        public Loadout Loadout() => Chance(10) ? null : new Loadout(Text(), Chance(20) ? null : Array(Int), Chance(20) ? null : List(Text));

        public Settings Settings() => Chance(10) ? null : new Settings { Title = Text(), Volume = Int() };

        public Outer.Inner Inner(int depth) => depth > 3 || Chance(30) ? null : new Outer.Inner { Label = Text(), Child = Inner(depth + 1) };

        public Inventory Inventory() => Chance(3) ? null : new Inventory
        {
            Counts = Chance(20) ? null : Dictionary(Int),
            Path = Chance(20) ? null : List(Vec),
            Points = Chance(20) ? null : Array(Vec),
            Inner = Inner(0),
            Bytes = Chance(30) ? null : Bytes(),
            Ratio = Double(),
            Price = (decimal)_r.Next() / 100m * (Chance(50) ? -1 : 1),
            Grade = (char)_r.Next(0x20, 0x7F),
            Huge = Chance(20) ? ulong.MaxValue : (ulong)_r.Next(),
            Small = (short)_r.Next(short.MinValue, short.MaxValue + 1),
            Tiny = (byte)_r.Next(256),
            Unsigned = Chance(20) ? uint.MaxValue : (uint)_r.Next(),
            MaybeTeam = Chance(40) ? null : Pick(Team.Red, Team.Blue, Team.Green),
            // Newtonsoft itself cannot read ulong.MaxValue into a ulong enum (it reads a BigInteger); see the test of Big.Max.
            BigEnum = Pick(Big.Zero, (Big)12345),
            MaybeVec = Chance(40) ? null : Vec(),
            Jagged = Chance(30) ? null : Array(() => Chance(20) ? null : Array(Int)),
            Deep = Chance(30) ? null : Dictionary(() => Chance(20) ? null : List(() => Chance(30) ? (Vec?)null : Vec())),
            Loadout = Loadout(),
            Settings = Settings(),
            Renamed = Text(),
            Ignored = Int(),
            URLPath = Text(),
        };

        private byte[] Bytes()
        {
            var bytes = new byte[_r.Next(20)];
            _r.NextBytes(bytes);
            return bytes;
        }

        private T[] Array<T>(Func<T> item)
        {
            var a = new T[_r.Next(6)];
            for (int i = 0; i < a.Length; i++) a[i] = item();
            return a;
        }

        private List<T> List<T>(Func<T> item) => new List<T>(Array(item));

        private Dictionary<string, T> Dictionary<T>(Func<T> item)
        {
            var d = new Dictionary<string, T>();
            int n = _r.Next(5);
            for (int i = 0; i < n; i++) d[Text() ?? "null-key"] = item();
            return d;
        }
    }
}
