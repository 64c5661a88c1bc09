using System;
using System.Collections.Generic;

namespace FrameIpc.Tests.Hosting
{
    /// <summary>A player-loop node shaped like Unity's PlayerLoopSystem: a struct with a type, children and a delegate.</summary>
    internal struct FakeSystem
    {
        public Type Type;
        public FakeSystem[] Children;
        public Action Update;

        public static FakeSystem Phase(Type type, params FakeSystem[] children) => new FakeSystem { Type = type, Children = children };
    }

    internal sealed class FakeShape : IPlayerLoopShape<FakeSystem>
    {
        public static readonly FakeShape Instance = new FakeShape();
        public Type TypeOf(FakeSystem system) => system.Type;
        public FakeSystem[] ChildrenOf(FakeSystem system) => system.Children;
        public FakeSystem WithChildren(FakeSystem system, FakeSystem[] children) { system.Children = children; return system; }
        public FakeSystem Create(Type marker, Action update) => new FakeSystem { Type = marker, Update = update };
    }

    /// <summary>
    /// Unity's loop in miniature (phases named like Unity's), held the way PlayerLoop.GetCurrentPlayerLoop /
    /// SetPlayerLoop hold it, and run the way the engine runs it: depth first, each node's delegate in order.
    /// </summary>
    internal sealed class FakeLoop
    {
        public struct Initialization { }
        public struct Update { public struct ScriptRunBehaviourUpdate { } }
        public struct PreLateUpdate { public struct ScriptRunBehaviourLateUpdate { } }
        public struct PostLateUpdate { }
        public struct Tick { }

        public FakeSystem Current = FakeSystem.Phase(typeof(FakeLoop),
            FakeSystem.Phase(typeof(Initialization)),
            FakeSystem.Phase(typeof(Update), FakeSystem.Phase(typeof(Update.ScriptRunBehaviourUpdate))),
            FakeSystem.Phase(typeof(PreLateUpdate), FakeSystem.Phase(typeof(PreLateUpdate.ScriptRunBehaviourLateUpdate))),
            FakeSystem.Phase(typeof(PostLateUpdate)));

        public int Sets { get; private set; }

        public FakeSystem Get() => Current;

        public void Set(FakeSystem loop) { Current = loop; Sets++; }

        public PlayerLoopHost<FakeSystem> CreateHost() =>
            new PlayerLoopHost<FakeSystem>(Get, Set, FakeShape.Instance, typeof(PreLateUpdate), typeof(Tick));

        public void RunFrame() => Run(Current);

        public int Count(Type marker) => PlayerLoopInstaller.Count(Current, marker, FakeShape.Instance);

        /// <summary>The node types depth first, for asserting where a system went.</summary>
        public List<string> Names()
        {
            var names = new List<string>();
            Collect(Current, names);
            return names;
        }

        private static void Collect(FakeSystem node, List<string> names)
        {
            names.Add(node.Type.Name);
            if (node.Children != null) foreach (var c in node.Children) Collect(c, names);
        }

        private static void Run(FakeSystem node)
        {
            node.Update?.Invoke();
            if (node.Children != null) foreach (var c in node.Children) Run(c);
        }
    }
}
