using System;
using Newtonsoft.Json;

namespace FrameIpc
{
    /// <summary>
    /// Builds the outbound traffic of one tick: envelopes appended as they are sent, leaving as one <c>batch</c> frame
    /// (one envelope alone, as itself), or as several when together they pass the peer's frame limit (<see cref="MaxFrameChars"/>): a batch is split at
    /// envelope boundaries, never refused whole. One envelope that alone cannot fit in a frame is cut out again at
    /// <see cref="End"/>, which throws, so it fails at its sender. Structure is written as raw characters (the keys are
    /// fixed ASCII); every value goes through Newtonsoft's writer. An envelope whose value cannot be written is cut out
    /// again, so one bad argument never corrupts the frame.
    /// </summary>
    internal sealed class FrameWriter : IDisposable
    {
        private const string BatchOpen = "{\"k\":\"batch\",\"m\":[";
        private const string BatchClose = "]}";

        /// <summary>Characters a batch adds around its envelopes: the largest envelope is the frame limit less these.</summary>
        public const int BatchOverhead = 21;

        private readonly PooledCharWriter _chars = new PooledCharWriter();
        private JsonTextWriter _json;
        private int _envelopeStart;
        private int _contentStart;

        // Where each finished envelope's text starts and ends (pairs), so an over-long batch can be split; reused.
        private int[] _bounds = new int[64];

        private readonly IpcJsonContext _conventions;

        public FrameWriter(IpcJsonContext? json = null)
        {
            _conventions = json ?? IpcJsonContext.Default;
            _json = CreateJsonWriter();
        }

        public int EnvelopeCount { get; private set; }

        /// <summary>
        /// The longest frame the peer accepts, in characters (its <c>max</c> from the handshake, else this side's own
        /// <see cref="IpcOptions.MaxFrameChars"/>). At least 64.
        /// </summary>
        public int MaxFrameChars { get; set; } = 1 << 20;

        /// <summary>The longest envelope that still fits in a frame: <see cref="MaxFrameChars"/> less the batch around it.</summary>
        public int MaxEnvelopeChars => MaxFrameChars - BatchOverhead;

        public int Length => _chars.Length;

        public bool IsEmpty => EnvelopeCount == 0;

        /// <summary>Starts an envelope of the given kind; finish with <see cref="End"/> or undo with <see cref="Abort"/>.</summary>
        public void Begin(EnvelopeKind kind)
        {
            _envelopeStart = _chars.Length;
            _chars.Write(EnvelopeCount == 0 ? BatchOpen : ",");
            _contentStart = _chars.Length;
            _chars.Write("{\"k\":\"");
            _chars.Write(EnvelopeKinds.Name(kind));
            _chars.Write('"');
        }

        public void Int(string key, long value)
        {
            Key(key);
            _chars.WriteInt64(value);
        }

        public void String(string key, string? value)
        {
            Key(key);
            if (value != null && IpcJsonWriter.HasNothingToEscape(value))
            {
                // A channel name, say: Newtonsoft would write the same characters between quotes.
                _chars.Write('"');
                _chars.Write(value);
                _chars.Write('"');
                return;
            }
            _json.WriteValue(value);
            _json.Flush();
        }

        public void Args<TArgs>(in TArgs args) where TArgs : struct, IIpcArgs
        {
            Key("a");
            _json.WriteStartArray();
            args.WriteTo(new IpcArgWriter(_json));
            _json.WriteEndArray();
            _json.Flush();
        }

        public void Value<T>(string key, T value)
        {
            Key(key);
            ValueCodec<T>.Write(_json, value);
            _json.Flush();
        }

        /// <summary>An array of integers (a send's transferred port ids), the first <paramref name="count"/> of <paramref name="values"/>.</summary>
        public void Ints(string key, long[] values, int count)
        {
            Key(key);
            _chars.Write('[');
            for (int i = 0; i < count; i++)
            {
                if (i > 0) _chars.Write(',');
                _chars.WriteInt64(values[i]);
            }
            _chars.Write(']');
        }

        /// <summary>Copies already-valid JSON (a relayed message's arguments, say) as the value of <paramref name="key"/>.</summary>
        public void RawValue(string key, ReadOnlySpan<char> json)
        {
            Key(key);
            _chars.Write(json);
        }

        public void Error(string key, string name, string message, string? code, string? dataJson)
        {
            Key(key);
            _chars.Write("{\"name\":");
            _json.WriteValue(name);
            _json.Flush();
            _chars.Write(",\"message\":");
            _json.WriteValue(message);
            _json.Flush();
            if (code != null)
            {
                _chars.Write(",\"code\":");
                _json.WriteValue(code);
                _json.Flush();
            }
            if (dataJson != null)
            {
                _chars.Write(",\"data\":");
                _chars.Write(dataJson);
            }
            _chars.Write('}');
        }

        /// <summary>
        /// Closes the envelope. One too long for any frame the peer accepts is cut out again and refused here, with a
        /// <see cref="IpcErrorNames.Limit"/> error naming <paramref name="channel"/>: the peer would refuse the whole
        /// frame it came in, and everything else in it with it.
        /// </summary>
        public void End(string? channel = null)
        {
            _chars.Write('}');
            int length = _chars.Length - _contentStart;
            if (length > MaxEnvelopeChars)
            {
                Abort();
                throw TooLong(channel, length);
            }
            if (2 * EnvelopeCount + 2 > _bounds.Length) Array.Resize(ref _bounds, _bounds.Length * 2);
            _bounds[2 * EnvelopeCount] = _contentStart;
            _bounds[2 * EnvelopeCount + 1] = _chars.Length;
            EnvelopeCount++;
            LastEnvelopeLength = length;
        }

        /// <summary>Characters of the envelope <see cref="End"/> last closed (for the tracer).</summary>
        public int LastEnvelopeLength { get; private set; }

        /// <summary>Cuts out the envelope <see cref="End"/> closed last (a held send past the hold limit).</summary>
        public void RemoveLast()
        {
            if (EnvelopeCount == 0) return;
            EnvelopeCount--;
            // Its separating comma (or, for the first, the batch opening) goes with it.
            _chars.Truncate(EnvelopeCount == 0 ? 0 : _bounds[2 * EnvelopeCount] - 1);
        }

        private IpcException TooLong(string? channel, int length)
        {
            var what = channel != null ? $"Cannot send on '{channel}': the message" : "The message";
            return new IpcException(IpcErrorNames.Limit,
                $"{what} is {length} characters, over the limit of {MaxEnvelopeChars} for one message (frames hold {MaxFrameChars})",
                IpcErrorCodes.Limit);
        }

        /// <summary>Removes the envelope being written; Newtonsoft's writer may be mid-value, so it is replaced.</summary>
        public void Abort()
        {
            _json.Close();
            _chars.Truncate(_envelopeStart);
            _json = CreateJsonWriter();
        }

        /// <summary>Closes the batch and returns the frame text, valid until <see cref="Clear"/>.</summary>
        public ReadOnlySpan<char> Finish()
        {
            _chars.Write(BatchClose);
            return _chars.Written;
        }

        /// <summary>
        /// Writes what was appended to <paramref name="sink"/>: one frame when it fits in <see cref="MaxFrameChars"/>,
        /// else as many batches as it takes, split between envelopes and in order. Returns the number of frames.
        /// Call <see cref="Clear"/> afterwards, whether or not the sink threw. A struct sink is called without boxing.
        /// </summary>
        public int WriteFrames<TSink>(TSink sink) where TSink : IFrameSink
        {
            // One envelope leaves alone, without the batch around it: 21 characters fewer to write, copy and read, and
            // the receiver skips the batch's bookkeeping. End made sure it fits in a frame.
            if (EnvelopeCount == 1)
            {
                sink.Send(Envelope(_chars.Written, 0));
                return 1;
            }
            if (_chars.Length + BatchClose.Length <= MaxFrameChars)
            {
                sink.Send(Finish());
                return 1;
            }
            // Only a tick that wrote more than a frame pays for the copy; a scratch frame is reused for every part.
            var written = _chars.Written;
            var frame = CharBufferPool.Shared.Rent(MaxFrameChars);
            int frames = 0;
            try
            {
                int next = 0;
                while (next < EnvelopeCount)
                {
                    int length = Copy(BatchOpen.AsSpan(), frame, 0);
                    do
                    {
                        if (length > BatchOpen.Length) frame[length++] = ',';
                        length = Copy(Envelope(written, next), frame, length);
                        next++;
                    } while (next < EnvelopeCount && length + 1 + EnvelopeLength(next) + BatchClose.Length <= MaxFrameChars);
                    length = Copy(BatchClose.AsSpan(), frame, length);
                    sink.Send(new ReadOnlySpan<char>(frame, 0, length));
                    frames++;
                }
            }
            finally
            {
                CharBufferPool.Shared.Return(frame);
            }
            return frames;
        }

        private ReadOnlySpan<char> Envelope(ReadOnlySpan<char> written, int index) =>
            written.Slice(_bounds[2 * index], EnvelopeLength(index));

        private int EnvelopeLength(int index) => _bounds[2 * index + 1] - _bounds[2 * index];

        private static int Copy(ReadOnlySpan<char> from, char[] to, int at)
        {
            from.CopyTo(new Span<char>(to, at, from.Length));
            return at + from.Length;
        }

        public void Clear()
        {
            _chars.Clear();
            EnvelopeCount = 0;
        }

        public void Dispose()
        {
            _json.Close();
            _chars.Dispose();
            EnvelopeCount = 0;
        }

        private void Key(string key)
        {
            _chars.Write(",\"");
            _chars.Write(key);
            _chars.Write("\":");
        }

        private JsonTextWriter CreateJsonWriter() => new TaggedJsonWriter(_chars)
        {
            Json = _conventions,
            ArrayPool = CharBufferPool.Newtonsoft,
            Formatting = Formatting.None,
            CloseOutput = false,
            AutoCompleteOnClose = false,
        };
    }
}
