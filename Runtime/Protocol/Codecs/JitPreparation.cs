using System;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace FrameIpc
{
    /// <summary>
    /// Compiles a generated codec's methods, and once per process the reader and writer they call, when a listener,
    /// handler or contract channel of its type is made (<c>ValueCodec.Prepare</c>), so the tick of the type's first message runs code
    /// that is already compiled. Where there is no JIT (IL2CPP) compiling is a no-op.
    /// </summary>
    internal static class JitPreparation
    {
        private static volatile bool s_readerAndWriterPrepared;

        public static void PrepareCodec(Type codecType)
        {
            try
            {
                Prepare(codecType);
                if (s_readerAndWriterPrepared) return;
                Prepare(typeof(IpcJsonReader));
                Prepare(typeof(IpcJsonWriter));
                s_readerAndWriterPrepared = true;
            }
            catch (PlatformNotSupportedException)
            {
                // A runtime that cannot compile ahead: the first message compiles what it uses, as before.
            }
        }

        /// <summary>Compiles the methods of a closed generic type (and of delegates' targets), whose code is shared across reference types.</summary>
        public static void PrepareInstance(Type closedType, params Delegate[] delegates)
        {
            try
            {
                Prepare(closedType);
                foreach (var d in delegates)
                {
                    var type = d.Method.DeclaringType;
                    if (type == null || type.ContainsGenericParameters) continue;
                    RuntimeHelpers.PrepareMethod(d.Method.MethodHandle, Handles(type));
                }
            }
            catch (PlatformNotSupportedException)
            {
            }
        }

        private static RuntimeTypeHandle[] Handles(Type type)
        {
            var args = type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes;
            var handles = new RuntimeTypeHandle[args.Length];
            for (int i = 0; i < args.Length; i++) handles[i] = args[i].TypeHandle;
            return handles;
        }

        private static void Prepare(Type type)
        {
            const BindingFlags all = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
            foreach (var method in type.GetMethods(all))
                if (!method.IsAbstract && !method.ContainsGenericParameters) RuntimeHelpers.PrepareMethod(method.MethodHandle, Handles(type));
            // Constructors too: a codec's first read constructs its reader.
            foreach (var constructor in type.GetConstructors(all))
                if (!constructor.IsStatic) RuntimeHelpers.PrepareMethod(constructor.MethodHandle, Handles(type));
        }
    }
}
