using System;
using System.Collections.Generic;
using System.Reflection;

namespace FrameIpc
{
    /// <summary>Finds the generated codec of a type marked <see cref="IpcMessageAttribute"/>; called once per type by ValueCodec.</summary>
    internal static class IpcCodecs
    {
        // Each assembly's providers, read once: reading an assembly's attributes makes every one of them again, and a
        // type's first message should not pay for that once per marked type (or twice, for its writer and its reader).
        private static readonly Dictionary<Assembly, object[]> s_providers = new Dictionary<Assembly, object[]>();

        /// <summary>For tests: called with T when ValueCodec&lt;T&gt; is initialised (once per type and process).</summary>
        internal static Action<Type>? Initialised;

        public static IpcCodec<T>? Find<T>()
        {
            var type = typeof(T);
            // Cheap for every unmarked type: one attribute check, no scan of its assembly.
            if (!type.IsDefined(typeof(IpcMessageAttribute), false)) return null;
            object[]? providers;
            lock (s_providers)
            {
                if (!s_providers.TryGetValue(type.Assembly, out providers))
                    s_providers[type.Assembly] = providers = type.Assembly.GetCustomAttributes(typeof(IpcCodecProviderAttribute), false);
            }
            foreach (var attribute in providers)
            {
                var provider = (IpcCodecProviderAttribute)attribute;
                if (provider.MessageType == type) return (IpcCodec<T>)provider.CreateCodec();
            }
            // Marked but not generated: the generator did not run (say, analyzers disabled); the Newtonsoft path still works.
            return null;
        }
    }
}
