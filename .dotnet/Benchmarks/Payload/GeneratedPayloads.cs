namespace FrameIpc.Benchmarks
{
    /// <summary>
    /// <see cref="PlayerState"/>'s twin marked [IpcMessage]: the same members and values, read and written by its
    /// generated codec. Its JSON differs only in the names' case (camelCase, the convention for generated codecs).
    /// </summary>
    [IpcMessage]
    public sealed class GeneratedPlayerState
    {
        public int Hp { get; set; }
        public int MaxHp { get; set; }
        public int Ammo { get; set; }
        public double X { get; set; }
        public double Y { get; set; }
        public bool Alive { get; set; }
        public string Name { get; set; } = "";

        public static readonly GeneratedPlayerState Sample = new GeneratedPlayerState
        {
            Hp = 87, MaxHp = 100, Ammo = 30, X = 12.5, Y = -3.25, Alive = true, Name = "Ranger Seven of the North",
        };

        public static void Check(GeneratedPlayerState? decoded)
        {
            if (decoded == null || decoded.Hp != 87 || decoded.MaxHp != 100 || decoded.Ammo != 30 || decoded.X != 12.5
                || decoded.Y != -3.25 || !decoded.Alive || decoded.Name != Sample.Name)
            {
                throw new System.InvalidOperationException("The generated payload did not survive the crossing.");
            }
        }
    }

    /// <summary>A struct payload with a generated codec: nothing of it is allocated on either side (strings aside; it has none).</summary>
    [IpcMessage]
    public struct GeneratedPlayerPose
    {
        public int Hp;
        public int Ammo;
        public double X;
        public double Y;
        public bool Alive;

        public static readonly GeneratedPlayerPose Sample = new GeneratedPlayerPose { Hp = 87, Ammo = 30, X = 12.5, Y = -3.25, Alive = true };

        public static void Check(GeneratedPlayerPose p)
        {
            if (p.Hp != 87 || p.Ammo != 30 || p.X != 12.5 || p.Y != -3.25 || !p.Alive)
                throw new System.InvalidOperationException("The struct payload did not survive the crossing.");
        }
    }
}
