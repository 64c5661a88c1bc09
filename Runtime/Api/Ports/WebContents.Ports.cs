using System;
using System.Collections.Generic;

namespace FrameIpc
{
    public sealed partial class WebContents
    {
        internal ViewPorts Ports { get; } = new ViewPorts();

        /// <summary>True when someone would see a message on <paramref name="channel"/> (and so could keep its ports).</summary>
        internal bool Hears(string channel) => IpcMessage != null || Ipc.ListenerCount(channel) > 0 || _main.ListenerCount(channel) > 0;

        /// <summary>
        /// Electron's <c>webContents.postMessage(channel, message, [transfer])</c>: sends <paramref name="message"/> on
        /// <paramref name="channel"/> and moves the ports in <paramref name="transfer"/> (default none) to the page, whose
        /// listener gets them as real <c>MessagePort</c>s in <c>event.ports</c>. A transferred port is unusable here
        /// afterwards; what it had queued follows it. Throws, sending nothing, for a port that is null, already transferred,
        /// closed, given twice, or whose other end is in this view already (Electron's words: "Port at index 0 is already
        /// neutered."), and past <see cref="IpcOptions.MaxPortsPerView"/>. Call it on the thread that ticks.
        /// </summary>
        public void PostMessage<T>(string channel, T message, IReadOnlyList<MessagePortMain>? transfer = null)
        {
            int count = transfer?.Count ?? 0;
            if (count == 0)
            {
                SendArgs(channel, new IpcArgs<T>(message));
                return;
            }
            CheckTransfer(transfer!);
            if (Ports.Count + count > _main.Options.MaxPortsPerView)
                throw new IpcException(IpcErrorNames.Limit,
                    $"Cannot post on '{channel}': view {Id} holds {Ports.Count} open ports, and at most {_main.Options.MaxPortsPerView} are allowed (IpcOptions.MaxPortsPerView)",
                    IpcErrorCodes.Limit);
            var ids = new long[count];
            for (int i = 0; i < count; i++) ids[i] = Ports.Issue();
            Connection.Outbox.Ports.SendWithPorts(channel, new IpcArgs<T>(message), ids, count);
            for (int i = 0; i < count; i++)
            {
                var port = transfer![i];
                port.View = this;
                port.WireId = ids[i];
                Ports.Add(port);
                port.ForwardBacklog(Connection.Outbox, ids[i]);
                if (port.PartnerGone || port.Partner == null)
                {
                    // Its other end closed before it moved: the page's port is closed at once.
                    Ports.Remove(ids[i]);
                    Connection.Outbox.Ports.WritePortClose(ids[i]);
                }
            }
        }

        private void CheckTransfer(IReadOnlyList<MessagePortMain> transfer)
        {
            for (int i = 0; i < transfer.Count; i++)
            {
                var port = transfer[i];
                string? why = null;
                if (port == null) why = "null";
                else if (port.View != null) why = "already neutered";
                else if (port.ClosedHere) why = "closed";
                else if (port.Partner?.View == this) why = $"entangled with a port that view {Id} holds already";
                else
                {
                    for (int j = 0; j < i; j++)
                        if (ReferenceEquals(transfer[j], port)) why = "a duplicate";
                }
                if (why != null) throw new InvalidOperationException($"Port at index {i} is {why}.");
            }
        }
    }
}
