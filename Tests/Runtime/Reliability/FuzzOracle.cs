using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FrameIpc.Tests.Reliability
{
    /// <summary>
    /// Says, independently of FrameIPC's own reader, whether a frame with no visible outcome deserved none: valid JSON
    /// that is a send on a channel nobody listens on, or a batch of only such sends. Anything else must leave a trace.
    /// </summary>
    internal static class FuzzOracle
    {
        private static readonly string[] Heard = { "good", "fuzz", "fuzz:obj", "fuzz:sync" };

        public static bool IsQuietlyValid(string frame)
        {
            JToken token;
            try
            {
                using (var reader = new JsonTextReader(new System.IO.StringReader(frame)) { DateParseHandling = DateParseHandling.None, MaxDepth = 128 })
                {
                    token = JToken.ReadFrom(reader);
                    if (reader.Read()) return false; // more than one value
                }
            }
            catch (JsonException)
            {
                return false;
            }
            if (!(token is JObject envelope)) return false;
            var kind = envelope["k"];
            if (kind == null || kind.Type != JTokenType.String) return false;
            if ((string)kind == "batch")
            {
                if (!(envelope["m"] is JArray items)) return false;
                foreach (var item in items)
                    if (!(item is JObject inner) || !IsUnheardSend(inner)) return false;
                return true;
            }
            return IsUnheardSend(envelope);
        }

        private static bool IsUnheardSend(JObject e)
        {
            if (e["k"]?.Type != JTokenType.String || (string)e["k"] != "send") return false;
            if (e["ch"]?.Type != JTokenType.String) return false;
            if (e["to"] != null) return false; // a relay always arrives somewhere or is reported
            return Array.IndexOf(Heard, (string)e["ch"]) < 0;
        }
    }
}
