#if UNITY_5_3_OR_NEWER
#nullable enable
using System;
using UnityEngine.LowLevel;

namespace FrameIpc
{
    /// <summary>Unity's <see cref="PlayerLoopSystem"/> as <see cref="PlayerLoopInstaller"/> reads and rebuilds it.</summary>
    public sealed class UnityPlayerLoopShape : IPlayerLoopShape<PlayerLoopSystem>
    {
        /// <summary>The one instance (the shape holds no state).</summary>
        public static readonly UnityPlayerLoopShape Instance = new UnityPlayerLoopShape();

        private UnityPlayerLoopShape() { }

        /// <inheritdoc />
        public Type? TypeOf(PlayerLoopSystem system) => system.type;

        /// <inheritdoc />
        public PlayerLoopSystem[]? ChildrenOf(PlayerLoopSystem system) => system.subSystemList;

        /// <inheritdoc />
        public PlayerLoopSystem WithChildren(PlayerLoopSystem system, PlayerLoopSystem[] children)
        {
            system.subSystemList = children;
            return system;
        }

        /// <inheritdoc />
        public PlayerLoopSystem Create(Type marker, Action update) =>
            new PlayerLoopSystem { type = marker, updateDelegate = new PlayerLoopSystem.UpdateFunction(update) };
    }
}
#endif
