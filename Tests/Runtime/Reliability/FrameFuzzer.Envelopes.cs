using System.Collections.Generic;
using System.Text;

namespace FrameIpc.Tests.Reliability
{
    internal sealed partial class FrameFuzzer
    {
        private static readonly Dictionary<string, string[]> WrongValues = new Dictionary<string, string[]>
        {
            { "k", new[] { "7", "null", "[]", "{}", "true", "\"\"" } },
            { "ch", new[] { "7", "null", "[\"good\"]", "{}", "false" } },
            { "a", new[] { "\"x\"", "5", "{}", "null", "true" } },
            { "id", new[] { "\"1\"", "1.5", "-1", "0", "[]", "null", "true", "{\"$type\":\"System.Int64\"}" } },
            { "t", new[] { "\"5\"", "-1", "1.5", "[]", "null" } },
            { "v", new[] { "\"1\"", "-1", "1.5", "null" } },
            { "view", new[] { "\"1\"", "0", "null" } },
            { "e", new[] { "\"oops\"", "[]", "5", "null" } },
            { "to", new[] { "\"1\"", "-1", "1.5", "null" } },
            { "from", new[] { "\"2\"", "-5", "null" } },
        };

        private static readonly string[] TypePayloads =
        {
            "{\"$type\":\"System.IO.FileInfo, System.IO.FileSystem\",\"fileName\":\"/etc/passwd\"}",
            "{\"$type\":\"System.Windows.Data.ObjectDataProvider, PresentationFramework\",\"MethodName\":\"Start\",\"ObjectInstance\":{\"$type\":\"System.Diagnostics.Process, System\"}}",
            "{\"$type\":\"System.Collections.Generic.List`1[[System.Object]], mscorlib\",\"$values\":[{\"$type\":\"System.Uri, System\",\"x\":1}]}",
            "{\"$id\":\"1\",\"self\":{\"$ref\":\"1\"}}",
            "[{\"$type\":\"System.Diagnostics.ProcessStartInfo, System\",\"FileName\":\"sh\"}]",
        };

        /// <summary>The (key, JSON value) members of one valid envelope this endpoint may receive.</summary>
        private List<KeyValuePair<string, string>> ValidMembers()
        {
            var m = new List<KeyValuePair<string, string>>();
            void Add(string key, string value) => m.Add(new KeyValuePair<string, string>(key, value));
            switch (_random.Next(_toEngine ? 6 : 5))
            {
                case 0: Add("k", "\"send\""); Add("ch", "\"fuzz\""); Add("a", "[1,\"two\",{\"three\":3}]"); break;
                case 1: Add("k", "\"invoke\""); Add("id", Num(_nextId++)); Add("ch", "\"fuzz:sum\""); Add("a", "[2,3]"); Add("t", "5000"); break;
                case 2: Add("k", "\"result\""); Add("id", Num(UnknownIdBase + _random.Next(1, 1000))); Add("e", "{\"name\":\"Error\",\"message\":\"m\"}"); break;
                case 3: Add("k", "\"cancel\""); Add("id", Num(UnknownIdBase + _random.Next(1, 1000))); break;
                case 4:
                    if (_toEngine) { Add("k", "\"send\""); Add("ch", "\"fuzz\""); Add("to", "999"); Add("a", "[]"); }
                    else { Add("k", "\"ready\""); Add("v", "1"); Add("view", "1"); }
                    break;
                default: Add("k", "\"hello\""); Add("v", "1"); break;
            }
            if (!_toEngine && m[0].Value == "\"send\"" && _random.Next(2) == 0) Add("from", "3");
            return m;
        }

        private static string Render(List<KeyValuePair<string, string>> members)
        {
            var sb = new StringBuilder("{");
            for (int i = 0; i < members.Count; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append('"').Append(members[i].Key).Append("\":").Append(members[i].Value);
            }
            return sb.Append('}').ToString();
        }

        private FuzzCase AnyValidEnvelope() => new FuzzCase("valid", Render(ValidMembers()), FuzzExpect.Any);

        /// <summary>A valid envelope with one member's value swapped for one of the wrong type or out of range.</summary>
        private string WrongEnvelope()
        {
            var m = ValidMembers();
            if (_random.Next(3) == 0) m.Add(new KeyValuePair<string, string>(_toEngine ? "to" : "from", "1"));
            int at = _random.Next(m.Count);
            var wrong = WrongValues[m[at].Key];
            m[at] = new KeyValuePair<string, string>(m[at].Key, wrong[_random.Next(wrong.Length)]);
            return Render(m);
        }

        private FuzzCase WrongTypes() => new FuzzCase("wrong types", WrongEnvelope(), FuzzExpect.Refused);

        private string Send(string channel, string args) => "{\"k\":\"send\",\"ch\":\"" + channel + "\",\"a\":" + args + "}";

        private FuzzCase Invoke(string category, string channel, string args)
        {
            long id = _nextId++;
            return new FuzzCase(category, "{\"k\":\"invoke\",\"id\":" + Num(id) + ",\"ch\":\"" + channel + "\",\"a\":" + args + "}", FuzzExpect.Answered) { Id = id };
        }

        private string GoodSend(FuzzCase into)
        {
            int n = _nextGood++;
            into.Good.Add(n);
            return Send("good", "[" + Num(n) + "]");
        }

        private FuzzCase DuplicateId()
        {
            long id = _nextId++;
            var slow = "{\"k\":\"invoke\",\"id\":" + Num(id) + ",\"ch\":\"fuzz:slow\",\"a\":[]}";
            if (_random.Next(2) == 0)
                return new FuzzCase("duplicate id", "{\"k\":\"batch\",\"m\":[" + slow + "," + slow + "]}", FuzzExpect.Refused | FuzzExpect.Answered | FuzzExpect.Heard) { Id = id };
            long pending = _newPending();
            var result = "{\"k\":\"result\",\"id\":" + Num(pending) + ",\"r\":1}";
            return new FuzzCase("duplicate id", "{\"k\":\"batch\",\"m\":[" + result + "," + result + "]}", FuzzExpect.Settles | FuzzExpect.UnknownId) { Id = pending };
        }

        private FuzzCase WrongResultType()
        {
            string[] values =
            {
                "\"r\":\"seven\"", "\"r\":{}", "\"r\":[1]", "\"r\":1.5", "\"r\":1e999", "\"r\":99999999999", "\"r\":true", "\"r\":null",
                "\"e\":{\"name\":5,\"message\":[]}", "\"e\":{}", "\"e\":{\"name\":\"X\",\"message\":\"m\",\"data\":" + TypePayloads[0] + "}",
            };
            long id = _newPending();
            return new FuzzCase("wrong result type", "{\"k\":\"result\",\"id\":" + Num(id) + "," + values[_random.Next(values.Length)] + "}", FuzzExpect.Settles) { Id = id };
        }

        private FuzzCase TypePayload()
        {
            var payload = TypePayloads[_random.Next(TypePayloads.Length)];
            if (_random.Next(3) == 0) return Invoke("$type payload", "fuzz:sum", "[" + payload + "," + payload + "]");
            return new FuzzCase("$type payload", Send("fuzz:obj", "[" + payload + "]"), FuzzExpect.Heard);
        }

        private FuzzCase MixedBatch()
        {
            var c = new FuzzCase("mixed batch", "", 0);
            var sb = new StringBuilder("{\"k\":\"batch\",\"m\":[");
            int n = _random.Next(2, 9);
            for (int i = 0; i < n; i++)
            {
                if (i > 0) sb.Append(',');
                switch (_random.Next(7))
                {
                    case 0: case 1: sb.Append(GoodSend(c)); break;
                    case 2: sb.Append(WrongEnvelope()); c.Expect |= FuzzExpect.Refused; break;
                    case 3: sb.Append(new[] { "1", "\"x\"", "null", "[]", "{}", "{\"k\":\"batch\",\"m\":[]}", "{\"k\":\"bogus\"}" }[_random.Next(7)]); c.Expect |= FuzzExpect.Refused; break;
                    case 4: sb.Append("{\"k\":\"cancel\",\"id\":" + Num(UnknownIdBase + _random.Next()) + "}"); c.Expect |= FuzzExpect.UnknownId; break;
                    case 5: sb.Append(Send("fuzz", "[\"a\"," + Num(_random.Next()) + "]")); c.Expect |= FuzzExpect.Heard; break;
                    default: sb.Append(GoodSend(c)); break;
                }
            }
            c.Frame = sb.Append("]}").ToString();
            return c;
        }

        private FuzzCase BrokenBatch()
        {
            var good = new FuzzCase("broken batch", "", FuzzExpect.Refused);
            string g = GoodSend(good);
            good.Good.Clear(); // refused whole: nothing is delivered
            string[] broken =
            {
                "{\"k\":\"batch\",\"m\":[" + g + "," + g.Substring(0, g.Length - 2) + "]}",
                "{\"k\":\"batch\",\"m\":[" + g + " " + g + "]}",
                "{\"k\":\"batch\",\"m\":[" + g + ",]}",
                "{\"k\":\"batch\",\"m\":{\"0\":" + g + "}}",
                "{\"k\":\"batch\",\"m\":[" + g + "]",
                "{\"k\":\"batch\",\"m\":[" + g + "]}]",
                "{\"k\":\"batch\",\"m\":[" + g + "," + new string('[', _maxDepth + 8) + new string(']', _maxDepth + 8) + "]}",
            };
            good.Frame = broken[_random.Next(broken.Length)];
            return good;
        }

        private FuzzCase QuietCase()
        {
            switch (_random.Next(3))
            {
                case 0: return new FuzzCase("quiet", "{\"k\":\"batch\",\"m\":[]}", FuzzExpect.Quiet);
                case 1: return new FuzzCase("quiet", Send("nobody:" + RandomWord(), "[1,2,3]"), FuzzExpect.Quiet);
                default: return new FuzzCase("quiet", "{\"k\":\"batch\",\"m\":[" + Send("nobody", "[]") + "," + Send("nobody:else", "[{}]") + "]}", FuzzExpect.Quiet);
            }
        }

        private FuzzCase ValidCase()
        {
            switch (_random.Next(_toEngine ? 7 : 6))
            {
                case 0:
                case 1:
                    var c = new FuzzCase("valid", "", 0);
                    c.Frame = _random.Next(2) == 0 ? GoodSend(c) : "{\"k\":\"batch\",\"m\":[" + GoodSend(c) + "," + GoodSend(c) + "," + GoodSend(c) + "]}";
                    return c;
                case 2: return Invoke("valid", "fuzz:sum", "[" + Num(_random.Next(1000)) + "," + Num(_random.Next(1000)) + "]");
                case 3: return Invoke("valid", "fuzz:throw", "[]");
                case 4: return Invoke("valid", "nobody:handles", "[]");
                case 5: return new FuzzCase("valid", "{\"k\":\"error\",\"e\":{\"name\":\"ProtocolError\",\"message\":\"peer is unhappy\",\"code\":\"EPROTO\"}}", FuzzExpect.Any);
                default:
                    long id = _nextId++;
                    return new FuzzCase("valid", "{\"k\":\"sync\",\"id\":" + Num(id) + ",\"ch\":\"fuzz:sync\",\"a\":[1]}", FuzzExpect.Answered) { Id = id };
            }
        }
    }
}
