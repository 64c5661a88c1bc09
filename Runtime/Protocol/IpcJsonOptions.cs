using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace FrameIpc
{
    /// <summary>
    /// How one <see cref="IpcMain"/> or <see cref="IpcRenderer"/> writes and reads values as JSON (set it on
    /// <see cref="IpcOptions.Json"/>). FrameIPC builds its own settings, applies these on top, then puts back what keeps
    /// the wire safe and bounded: <c>TypeNameHandling.None</c>, ignored <c>$type</c>/<c>$id</c> metadata, its depth limit
    /// and its contract resolver (which refuses unsendable types and names members). Read when the endpoint is created.
    /// </summary>
    public sealed class IpcJsonOptions
    {
        /// <summary>
        /// How member names are written and matched. Default null: camelCase (Newtonsoft's <see cref="CamelCaseNamingStrategy"/>
        /// with <c>ProcessDictionaryKeys = false</c> and <c>OverrideSpecifiedNames = false</c>: dictionary keys and an
        /// explicit <c>[JsonProperty("Name")]</c> are kept as written). <c>new DefaultNamingStrategy()</c> keeps C# names.
        /// </summary>
        public NamingStrategy? NamingStrategy { get; set; }

        /// <summary>
        /// Converters consulted before FrameIPC's own (tagged bytes and dates, Unity value types). Default empty.
        /// </summary>
        public IList<JsonConverter> Converters { get; } = new List<JsonConverter>();

        /// <summary>
        /// Called with the settings after FrameIPC's and the above are in, for anything else Newtonsoft offers (enums as
        /// strings, null handling...). Default null. Type-name handling, metadata handling, the depth limit and the
        /// contract resolver are put back afterwards, whatever it sets.
        /// </summary>
        public Action<JsonSerializerSettings>? Configure { get; set; }

        /// <summary>True when nothing here departs from the defaults (then the shared default serializer is used).</summary>
        internal bool IsDefault => NamingStrategy == null && Converters.Count == 0 && Configure == null;
    }
}
