using System;
using System.IO;
using System.Text;

namespace FrameIpc
{
    /// <summary>A <see cref="TextWriter"/> into a growable pooled buffer, so Newtonsoft's writer can write without allocating.</summary>
    internal sealed class PooledCharWriter : TextWriter
    {
        private char[] _buffer;
        private int _length;

        public PooledCharWriter(int capacity = 1024)
        {
            _buffer = CharBufferPool.Shared.Rent(capacity);
        }

        public override Encoding Encoding => Encoding.Unicode;

        public int Length => _length;

        public ReadOnlySpan<char> Written => new ReadOnlySpan<char>(_buffer, 0, _length);

        public override void Write(char value)
        {
            if (_length == _buffer.Length) Grow(1);
            _buffer[_length++] = value;
        }

        public override void Write(char[] buffer, int index, int count) => Write(new ReadOnlySpan<char>(buffer, index, count));

        public override void Write(string? value)
        {
            if (value != null) Write(value.AsSpan());
        }

        public override void Write(ReadOnlySpan<char> value)
        {
            if (_length + value.Length > _buffer.Length) Grow(value.Length);
            value.CopyTo(new Span<char>(_buffer, _length, value.Length));
            _length += value.Length;
        }

        public void WriteInt64(long value)
        {
            if (_length + 20 > _buffer.Length) Grow(20);
            value.TryFormat(new Span<char>(_buffer, _length, _buffer.Length - _length), out int written, default, System.Globalization.CultureInfo.InvariantCulture);
            _length += written;
        }

        /// <summary>Drops everything written after <paramref name="length"/> (used to undo a half-written envelope).</summary>
        public void Truncate(int length) => _length = length;

        public void Clear() => _length = 0;

        private void Grow(int extra)
        {
            var bigger = CharBufferPool.Shared.Rent(Math.Max(_buffer.Length * 2, _length + extra));
            Array.Copy(_buffer, bigger, _length);
            CharBufferPool.Shared.Return(_buffer);
            _buffer = bigger;
        }

        protected override void Dispose(bool disposing)
        {
            if (_buffer.Length > 0)
            {
                CharBufferPool.Shared.Return(_buffer);
                _buffer = Array.Empty<char>();
                _length = 0;
            }
            base.Dispose(disposing);
        }
    }
}
