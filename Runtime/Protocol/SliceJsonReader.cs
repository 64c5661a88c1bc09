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
        [ThreadStatic] private static SliceJsonReader? t_current;

        private char[] _source = Array.Empty<char>();
        private int _position;
        private int _end;
        private bool _terminatorPending;
        private JsonTextReader _reader;

        private SliceJsonReader()
        {
            _reader = CreateReader();
        }

        public static T Deserialize<T>(char[] buffer, int start, int length)
        {
            var self = t_current ??= new SliceJsonReader();
            self.Arm(buffer, start, length);
            try
            {
                if (!self._reader.Read()) throw new JsonReaderException("no JSON value");
                return IpcJson.Serializer.Deserialize<T>(self._reader)!;
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

        private JsonTextReader CreateReader() => new JsonTextReader(this)
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
            _terminatorPending = true;
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
            // A trailing space ends a bare number without letting Newtonsoft see the end of input, which it never forgets.
            if (_terminatorPending && count > 0)
            {
                _terminatorPending = false;
                buffer[index] = ' ';
                return 1;
            }
            throw new JsonReaderException("unexpected end of value");
        }

        public override int Peek() => -1;
    }
}
