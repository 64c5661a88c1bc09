namespace FrameIpc.Benchmarks
{
    /// <summary>
    /// The payload every case moves, for FrameIPC and every peer alike: 98 characters of JSON,
    /// <c>{"Hp":87,"MaxHp":100,"Ammo":30,"X":12.5,"Y":-3.25,"Alive":true,"Name":"Ranger Seven of the North"}</c>.
    /// </summary>
    public sealed class PlayerState
    {
        public int Hp { get; set; }
        public int MaxHp { get; set; }
        public int Ammo { get; set; }
        public double X { get; set; }
        public double Y { get; set; }
        public bool Alive { get; set; }
        public string Name { get; set; } = "";

        /// <summary>The one instance the senders send; its values never change, so nothing is allocated to make it.</summary>
        public static readonly PlayerState Sample = new PlayerState
        {
            Hp = 87, MaxHp = 100, Ammo = 30, X = 12.5, Y = -3.25, Alive = true, Name = "Ranger Seven of the North",
        };

        /// <summary>Throws unless <paramref name="decoded"/> carries the sample's values: a benchmark that moves the wrong thing must fail, not report.</summary>
        public static void Check(PlayerState? decoded)
        {
            if (decoded == null || decoded.Hp != 87 || decoded.MaxHp != 100 || decoded.Ammo != 30 || decoded.X != 12.5
                || decoded.Y != -3.25 || !decoded.Alive || decoded.Name != Sample.Name)
            {
                throw new System.InvalidOperationException("The payload did not survive the crossing.");
            }
        }
    }
}
