using System;
using System.Buffers;
using System.Text;

namespace FrameIpc
{
    /// <summary>
    /// Turns the UTF-8 chunks of WebSocket text messages back into frames of characters, in pooled buffers. A message
    /// longer than the limit is not kept: its characters are only counted, so the transport can refuse it by size and
    /// the connection goes on. Used by one receive loop at a time.
    /// </summary>
    internal sealed class WebSocketMessageAssembler : IDisposable
    {
        public const int ChunkBytes = 16 * 1024;
        private const int KeptTextChars = 64 * 1024; // a bigger buffer is given back after its frame

        private static readonly Encoding Utf8 = new UTF8Encoding(false, false);

        private readonly int _maxFrameChars;
        private readonly Decoder _decoder = Utf8.GetDecoder();
        private readonly byte[] _chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        private readonly char[] _scratch = CharBufferPool.Shared.Rent(ChunkBytes + 4); // decodes an oversize frame's rest, to count it
        private char[] _text = CharBufferPool.Shared.Rent(ChunkBytes);
        private int _length;   // characters written into _text
        private long _oversize; // characters of a frame over the limit, counted but not kept

        public WebSocketMessageAssembler(int maxFrameChars)
        {
            _maxFrameChars = maxFrameChars;
        }

        /// <summary>Where the socket receives the next chunk.</summary>
        public Memory<byte> Chunk => new Memory<byte>(_chunk, 0, ChunkBytes);

        /// <summary>The whole frame once <see cref="Add"/> returned true and <see cref="OversizeChars"/> is 0: exactly the characters decoded.</summary>
        public ReadOnlySpan<char> Frame => new ReadOnlySpan<char>(_text, 0, _length);

        /// <summary>The length of a finished frame that was over the limit, else 0.</summary>
        public long OversizeChars => _oversize;

        /// <summary>Decodes <paramref name="count"/> bytes received into <see cref="Chunk"/>; true when they end a message.</summary>
        public bool Add(int count, bool endOfMessage)
        {
            if (_oversize == 0)
            {
                int chars = _decoder.GetCharCount(_chunk, 0, count, endOfMessage);
                if (_length + chars <= _maxFrameChars)
                {
                    if (_length + chars > _text.Length) Grow(_length + chars);
                    _length += _decoder.GetChars(_chunk, 0, count, _text, _length, endOfMessage);
                }
                else _oversize = _length + (long)_decoder.GetChars(_chunk, 0, count, _scratch, 0, endOfMessage);
            }
            else _oversize += _decoder.GetChars(_chunk, 0, count, _scratch, 0, endOfMessage);
            return endOfMessage;
        }

        /// <summary>Forgets the finished frame, ready for the next message.</summary>
        public void Next()
        {
            _length = 0;
            _oversize = 0;
            _decoder.Reset();
            if (_text.Length <= KeptTextChars) return;
            CharBufferPool.Shared.Return(_text);
            _text = CharBufferPool.Shared.Rent(ChunkBytes);
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_chunk);
            CharBufferPool.Shared.Return(_scratch);
            CharBufferPool.Shared.Return(_text);
        }

        private void Grow(int needed)
        {
            var bigger = CharBufferPool.Shared.Rent(Math.Max(needed, _text.Length * 2));
            Array.Copy(_text, bigger, _length);
            CharBufferPool.Shared.Return(_text);
            _text = bigger;
        }
    }
}
