using System;

namespace FrameIpc
{
    /// <summary>
    /// How <see cref="PlayerLoopInstaller"/> reads and rebuilds a player-loop tree. Unity's <c>PlayerLoopSystem</c> is a
    /// struct with public fields; tests use a plain type. Keeping the tree behind this shape lets every insert and
    /// remove decision run, and be tested, without Unity.
    /// </summary>
    /// <typeparam name="TSystem">One node of the tree (Unity: <c>UnityEngine.LowLevel.PlayerLoopSystem</c>).</typeparam>
    public interface IPlayerLoopShape<TSystem>
    {
        /// <summary>The node's identifying type (Unity: <c>PlayerLoopSystem.type</c>), or null.</summary>
        Type? TypeOf(TSystem system);

        /// <summary>The node's children (Unity: <c>PlayerLoopSystem.subSystemList</c>), or null.</summary>
        TSystem[]? ChildrenOf(TSystem system);

        /// <summary>A copy of <paramref name="system"/> with <paramref name="children"/> as its children.</summary>
        TSystem WithChildren(TSystem system, TSystem[] children);

        /// <summary>A new leaf identified by <paramref name="marker"/> that calls <paramref name="update"/> every frame.</summary>
        TSystem Create(Type marker, Action update);
    }
}
