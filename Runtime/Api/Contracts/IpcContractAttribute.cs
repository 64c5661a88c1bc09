using System;

namespace FrameIpc
{
    /// <summary>
    /// Marks a static class whose public static fields declare contract channels (<see cref="PageToEngine{TArg}"/>,
    /// <see cref="EngineToPage{TArg}"/>, <see cref="PageInvoke{TArg, TResult}"/>, <see cref="EngineInvoke{TArg, TResult}"/>),
    /// so the TypeScript generator finds it in an assembly.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class IpcContractAttribute : Attribute
    {
        /// <summary>Marks the class; the TypeScript map is named after it.</summary>
        public IpcContractAttribute()
        {
        }

        /// <summary>The name of the generated TypeScript interface. Default null: the class name.</summary>
        public string? TypeScriptName { get; set; }
    }
}
