namespace FrameIpc
{
    /// <summary>
    /// The object <see cref="IpcWarmUp"/> sends each way: members of the usual kinds (numbers, a flag, a string, an
    /// array), read and written by Newtonsoft, as a payload type without a generated codec is.
    /// </summary>
    internal sealed class WarmUpPayload
    {
        public int Hp { get; set; }
        public double X { get; set; }
        public bool Alive { get; set; }
        public string? Name { get; set; }
        public int[]? Slots { get; set; }

        public static WarmUpPayload Sample() => new WarmUpPayload { Hp = 87, X = 1.5, Alive = true, Name = "warm", Slots = new[] { 1, 2 } };

        public bool SameAs(WarmUpPayload? other) =>
            other != null && other.Hp == Hp && other.X == X && other.Alive == Alive && other.Name == Name
            && other.Slots != null && Slots != null && other.Slots.Length == Slots.Length && other.Slots[0] == Slots[0] && other.Slots[1] == Slots[1];
    }
}
