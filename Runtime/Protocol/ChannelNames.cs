using System;
using System.Threading;

namespace FrameIpc
{
    /// <summary>
    /// Interns the channel names this side listens or handles on, so a message on a known channel costs no string.
    /// Only registration (<see cref="Add"/>) keeps a name: a name read off the wire that nobody registered is returned
    /// as a new string and forgotten, so a page inventing channel names cannot grow engine memory. Bounded as well:
    /// past <see cref="Capacity"/> registered names, new ones are not kept. Registration adds names from any thread,
    /// hence the (uncontended) lock.
    /// </summary>
    internal sealed class ChannelNames
    {
        public const int Capacity = 4096;
        private readonly string?[] _slots = new string?[Capacity * 2];
        private int _count;
        private string? _last; // the registered name Get returned last

        public string Get(ReadOnlySpan<char> name)
        {
            // A run of messages on one channel: the name found last, compared without hashing. A reference is read whole,
            // so a racing reader sees one registered name or another, each compared before it is returned.
            var last = _last;
            if (last != null && name.SequenceEqual(last.AsSpan())) return last;
            // A slot only ever goes from null to a name, and a reference is read whole, so the common case (a known
            // channel) needs no lock; a miss is decided again under the lock.
            var known = _slots[Find(name)];
            if (known == null) return name.ToString();
            _last = known;
            return known;
        }

        /// <summary>Names kept so far (registered channels).</summary>
        public int Count => Volatile.Read(ref _count);

        /// <summary>Pre-interns a name the endpoint listens on, so its first message allocates nothing either.</summary>
        public void Add(string name)
        {
            lock (_slots)
            {
                int slot = Find(name.AsSpan());
                if (_slots[slot] == null) Keep(slot, name);
            }
        }

        private int Find(ReadOnlySpan<char> name)
        {
            int mask = _slots.Length - 1;
            int i = Hash(name) & mask;
            while (_slots[i] is string s && !s.AsSpan().SequenceEqual(name)) i = (i + 1) & mask;
            return i;
        }

        // FNV-1a: string.GetHashCode(ReadOnlySpan<char>) is not in .NET Standard 2.1.
        private static int Hash(ReadOnlySpan<char> name)
        {
            uint h = 2166136261;
            for (int i = 0; i < name.Length; i++) h = (h ^ name[i]) * 16777619;
            return (int)(h ^ (h >> 15));
        }

        private string Keep(int slot, string name)
        {
            if (_count < Capacity)
            {
                _slots[slot] = name;
                _count++;
            }
            return name;
        }
    }
}
