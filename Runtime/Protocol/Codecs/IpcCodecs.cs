using System;

namespace FrameIpc
{
    /// <summary>Finds the generated codec of a type marked <see cref="IpcMessageAttribute"/>; called once per type by ValueCodec.</summary>
    internal static class IpcCodecs
    {
        public static IpcCodec<T>? Find<T>()
        {
            var type = typeof(T);
            // Cheap for every unmarked type: one attribute check, no scan of its assembly.
            if (!type.IsDefined(typeof(IpcMessageAttribute), false)) return null;
            foreach (var attribute in type.Assembly.GetCustomAttributes(typeof(IpcCodecProviderAttribute), false))
            {
                var provider = (IpcCodecProviderAttribute)attribute;
                if (provider.MessageType == type) return (IpcCodec<T>)provider.CreateCodec();
            }
            // Marked but not generated: the generator did not run (say, analyzers disabled); the Newtonsoft path still works.
            return null;
        }
    }
}
