using System;
using System.IO;
using Newtonsoft.Json;

namespace FrameIpc
{
    /// <summary>
    /// Newtonsoft deserialization of one JSON value that sits inside a pooled frame buffer, without copying it to a string
    /// and without a new <see cref="JsonTextReader"/> per value: one reader per thread is kept and fed one value at a time
    /// (SupportMultipleContent). The value was already validated by <see cref="JsonScanner"/>, so a failure here is a type
    /// mismatch; the reader is then replaced, since Newtonsoft leaves it mid-value.
    /// </summary>
    internal sealed class SliceJsonReader : TextReader
    {
        private const int TerminatorSpaces = 8;
        [ThreadStatic] private static SliceJsonReader? t_current;

        private char[] _source = Array.Empty<char>();
        private int _position;
        private int _end;
        private int _terminatorsLeft;
        private JsonTextReader _reader;

        private SliceJsonReader()
        {
            _reader = CreateReader();
        }

        public static T Deserialize<T>(char[] buffer, int start, int length, JsonSerializer serializer)
        {
            var self = t_current ??= new SliceJsonReader();
            self.Arm(buffer, start, length);
            try
            {
                if (!self._reader.Read()) throw new JsonReaderException("no JSON value");
                return serializer.Deserialize<T>(self._reader)!;
            }
            catch
            {
                self._reader.Close();
                self._reader = self.CreateReader();
                throw;
            }
            finally
            {
                self._source = Array.Empty<char>();
            }
        }

        private JsonTextReader CreateReader() => new TaggedJsonReader(this)
        {
            SupportMultipleContent = true,
            ArrayPool = CharBufferPool.Newtonsoft,
            DateParseHandling = DateParseHandling.None,
            MaxDepth = IpcJson.SerializerMaxDepth,
            CloseInput = false,
        };

        private void Arm(char[] buffer, int start, int length)
        {
            _source = buffer;
            _position = start;
            _end = start + length;
            _terminatorsLeft = TerminatorSpaces;
        }

        public override int Read(char[] buffer, int index, int count)
        {
            if (_position < _end)
            {
                int n = Math.Min(count, _end - _position);
                Array.Copy(_source, _position, buffer, index, n);
                _position += n;
                return n;
            }
            // Trailing spaces end a bare number, and satisfy Newtonsoft's look-ahead after an escaped high surrogate
            // (it peeks for a following \uXXXX), without letting it see the end of input, which it never forgets.
            if (_terminatorsLeft > 0 && count > 0)
            {
                int n = Math.Min(count, _terminatorsLeft);
                for (int i = 0; i < n; i++) buffer[index + i] = ' ';
                _terminatorsLeft -= n;
                return n;
            }
            throw new JsonReaderException("unexpected end of value");
        }

        public override int Peek() => -1;
    }
}
