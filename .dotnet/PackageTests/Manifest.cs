using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace FrameIpc.PackageTests
{
    /// <summary>package.json, the UPM manifest, parsed strictly (Unity rejects comments and trailing commas).</summary>
    internal static class Manifest
    {
        public static JsonElement Load() => Parse(File.ReadAllText(PackageRoot.Combine("package.json")));

        public static JsonElement Parse(string json)
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            return doc.RootElement.Clone();
        }

        public static string String(JsonElement root, string property) =>
            root.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

        public static Dictionary<string, string> Dependencies()
        {
            var result = new Dictionary<string, string>();
            if (Load().TryGetProperty("dependencies", out JsonElement deps) && deps.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty dep in deps.EnumerateObject())
                {
                    result[dep.Name] = dep.Value.ValueKind == JsonValueKind.String ? dep.Value.GetString() ?? "" : "(not a string)";
                }
            }
            return result;
        }
    }
}
