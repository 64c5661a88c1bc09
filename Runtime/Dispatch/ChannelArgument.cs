using System;

namespace FrameIpc
{
    /// <summary>The checks every send, invoke and registration applies to its channel argument, on either side.</summary>
    internal static class ChannelArgument
    {
        /// <summary>Electron's text when a send, invoke or registration is given no channel.</summary>
        public const string Missing = "Missing required channel argument";

        /// <summary>Electron's check (with its text), plus this side's: a channel name is not empty.</summary>
        public static void Check(string channel)
        {
            if (channel == null) throw new ArgumentNullException(nameof(channel), Missing);
            if (channel.Length == 0) throw new ArgumentException("A channel name cannot be empty.", nameof(channel));
        }

        /// <summary>Electron's check, plus the length bound that every receiver applies.</summary>
        public static void Check(string channel, int maxChars)
        {
            Check(channel);
            if (channel.Length > maxChars)
                throw new IpcException(IpcErrorNames.Limit,
                    $"Channel name of {channel.Length} characters is over the limit of {maxChars}", IpcErrorCodes.Limit);
        }
    }
}
