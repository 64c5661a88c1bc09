using System.Collections.Generic;

namespace FrameIpc.ContractTests
{
    /// <summary>Contracts the generator must refuse, each with a clear message; unmarked, so the command over this assembly skips them.</summary>
    public static class BrokenContracts
    {
        public static class IntKeys
        {
            public static readonly PageToEngine<Dictionary<int, string>> Map = new("broken:map");
        }

        public static class Twice
        {
            public static readonly PageToEngine<int> First = new("dup");
            public static readonly EngineToPage<int> Second = new("dup");
        }
    }
}
