using System;

namespace FrameIpc
{
    /// <summary>A request the dev server answers with an error status and closes: the status and the reason both go to the client and the log.</summary>
    internal sealed class HttpRefusalException : Exception
    {
        public HttpRefusalException(int status, string reason) : base(reason)
        {
            Status = status;
        }

        /// <summary>The HTTP status to answer with, e.g. 400, 414, 431.</summary>
        public int Status { get; }
    }
}
