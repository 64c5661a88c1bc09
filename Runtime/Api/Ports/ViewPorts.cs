using System;
using System.Collections.Generic;

namespace FrameIpc
{
    /// <summary>
    /// One view's ports on the wire: the engine's stand-in for each port that lives in the page, by id. The page names the
    /// ports it transfers 1, 2, 3... (always growing); the engine names those it transfers -1, -2, -3..., so an id says whose
    /// it is and the two never collide. An id that was used and is gone is a closed port; any other unknown id is an error.
    /// Tick thread only.
    /// </summary>
    internal sealed class ViewPorts
    {
        private readonly Dictionary<long, MessagePortMain> _byId = new Dictionary<long, MessagePortMain>();
        private long _highestPageId;
        private long _issued;
        private long[] _ids = new long[8];

        public int Count => _byId.Count;

        /// <summary>The ids <see cref="ReadPageIds"/> read last.</summary>
        public long[] Ids => _ids;

        public bool TryGet(long id, out MessagePortMain port) => _byId.TryGetValue(id, out port!);

        public void Add(MessagePortMain port) => _byId.Add(port.WireId, port);

        public void Remove(long id) => _byId.Remove(id);

        /// <summary>A new engine-named id for a port this engine transfers to the view.</summary>
        public long Issue() => -(++_issued);

        /// <summary>True when <paramref name="id"/> named a port on this connection once (so it is closed now, not unknown).</summary>
        public bool WasUsed(long id) => id > 0 ? id <= _highestPageId : -id <= _issued;

        /// <summary>
        /// Reads a page's send's <c>p</c> (the ids of the ports it transfers) into <see cref="Ids"/>; null when they are new,
        /// growing page ids within <paramref name="maxPorts"/>, else the error (and nothing is taken).
        /// </summary>
        public IpcException? ReadPageIds(char[] buffer, JsonRange range, int maxDepth, int maxPorts, out int count)
        {
            count = 0;
            var s = new JsonScanner(new ReadOnlySpan<char>(buffer, 0, range.Start + range.Length), maxDepth, range.Start);
            s.Expect('[');
            if (s.TryConsume(']')) return null;
            long highest = _highestPageId;
            do
            {
                char c = s.Peek();
                if (c != '-' && (c < '0' || c > '9')) return IpcException.Protocol("Member 'p' must be an array of port ids (integers)");
                long id;
                try { id = s.ReadInt64(); }
                catch (IpcException) { return IpcException.Protocol("Member 'p' must be an array of port ids (integers)"); }
                if (id <= 0 || id > Protocol.MaxPortId) return IpcException.Protocol($"Port id {id} is not one a view may name: a view names its ports 1, 2, 3... (protocol.md, MessagePorts)");
                if (id <= highest) return IpcException.Protocol($"Port id {id} was already used on this connection: a view names each port it transfers with a new, larger id");
                highest = id;
                if (count == _ids.Length) Array.Resize(ref _ids, count * 2);
                _ids[count++] = id;
            } while (s.TryConsume(','));
            if (_byId.Count + count > maxPorts)
                return new IpcException(IpcErrorNames.Limit,
                    $"{count} port(s) refused: view holds {_byId.Count} open ports, and at most {maxPorts} are allowed (IpcOptions.MaxPortsPerView)", IpcErrorCodes.Limit);
            _highestPageId = highest;
            return null;
        }

        /// <summary>
        /// The view went away or reloaded: every port it held is closed, and each other end hears of it (an engine port raises
        /// 'close'; a port in another view gets a <c>portclose</c>). A reload also restarts the page's ids.
        /// </summary>
        public void CloseAll(bool reload)
        {
            if (_byId.Count > 0)
            {
                var held = new List<MessagePortMain>(_byId.Values);
                _byId.Clear();
                for (int i = 0; i < held.Count; i++) held[i].Disentangle();
            }
            if (reload) _highestPageId = 0;
        }
    }
}
