using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Sockets;

namespace FrameIpc
{
    /// <summary>
    /// One accepted TCP connection of the dev server until it is answered or upgraded: it has a deadline (for its
    /// request head, then for the answer) and sits in the server's list, where the sweeper and the half-open cap find it.
    /// </summary>
    internal sealed class DevServerConnection
    {
        public DevServerConnection(TcpClient client, long deadline)
        {
            Client = client;
            Deadline = deadline;
            HalfOpen = true;
        }

        public TcpClient Client { get; }

        /// <summary>Stopwatch timestamp after which the sweeper closes the connection.</summary>
        public long Deadline { get; set; }

        /// <summary>True until the whole request head has arrived.</summary>
        public bool HalfOpen { get; set; }

        /// <summary>Why the server closed it (deadline, half-open cap, stop), or null.</summary>
        public string? AbortReason { get; private set; }

        public LinkedListNode<DevServerConnection>? Node { get; set; }

        public bool IsPast(long now) => now - Deadline >= 0;

        public static long DeadlineAfter(TimeSpan span) => Stopwatch.GetTimestamp() + (long)(span.TotalSeconds * Stopwatch.Frequency);

        /// <summary>Drops the connection at once (a reset, no lingering): the task reading or writing it fails and ends.</summary>
        public void Abort(string reason)
        {
            if (AbortReason == null) AbortReason = reason;
            try
            {
                Client.Client.LingerState = new LingerOption(true, 0);
            }
            catch (Exception) { /* already closed */ }
            try { Client.Close(); }
            catch (Exception) { }
        }
    }
}
