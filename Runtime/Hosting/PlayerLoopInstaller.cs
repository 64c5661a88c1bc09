using System;

namespace FrameIpc
{
    /// <summary>
    /// Inserts and removes one system in a player-loop tree (Unity's PlayerLoop, or any tree an
    /// <see cref="IPlayerLoopShape{TSystem}"/> describes). Installing first removes every system already marked with the
    /// same type, so installing twice, or again after a play session without a domain reload left a stale entry behind,
    /// still leaves exactly one. Trees are values: each call returns the new root and leaves the given one as it was.
    /// </summary>
    public static class PlayerLoopInstaller
    {
        /// <summary>
        /// Returns <paramref name="root"/> with a system marked <paramref name="marker"/> calling <paramref name="update"/>
        /// as the first child of the first node of type <paramref name="parent"/>, and no other system marked so.
        /// Throws <see cref="InvalidOperationException"/> when the tree has no <paramref name="parent"/> node.
        /// </summary>
        public static TSystem Install<TSystem>(TSystem root, Type parent, Type marker, Action update, IPlayerLoopShape<TSystem> shape)
        {
            if (parent == null) throw new ArgumentNullException(nameof(parent));
            if (marker == null) throw new ArgumentNullException(nameof(marker));
            if (update == null) throw new ArgumentNullException(nameof(update));
            if (shape == null) throw new ArgumentNullException(nameof(shape));
            var cleaned = Remove(root, marker, shape, out _);
            var system = shape.Create(marker, update);
            if (!TryInsert(ref cleaned, parent, system, shape))
                throw new InvalidOperationException($"The player loop has no '{parent.FullName}' phase to insert '{marker.FullName}' into");
            return cleaned;
        }

        /// <summary>Returns <paramref name="root"/> without any system marked <paramref name="marker"/>; <paramref name="removed"/> counts them.</summary>
        public static TSystem Remove<TSystem>(TSystem root, Type marker, IPlayerLoopShape<TSystem> shape, out int removed)
        {
            if (marker == null) throw new ArgumentNullException(nameof(marker));
            if (shape == null) throw new ArgumentNullException(nameof(shape));
            removed = 0;
            return RemoveFrom(root, marker, shape, ref removed);
        }

        /// <summary>How many systems in the tree (the root included) are marked <paramref name="marker"/>.</summary>
        public static int Count<TSystem>(TSystem root, Type marker, IPlayerLoopShape<TSystem> shape)
        {
            if (shape == null) throw new ArgumentNullException(nameof(shape));
            int n = IsMarker(shape.TypeOf(root), marker) ? 1 : 0;
            var children = shape.ChildrenOf(root);
            if (children != null)
                for (int i = 0; i < children.Length; i++) n += Count(children[i], marker, shape);
            return n;
        }

        // By name as well as by identity: after a domain reload the loop can still hold the marker type of the
        // unloaded assembly, a different Type object with the same name.
        private static bool IsMarker(Type? type, Type marker) =>
            type == marker || (type != null && string.Equals(type.FullName, marker.FullName, StringComparison.Ordinal));

        private static TSystem RemoveFrom<TSystem>(TSystem node, Type marker, IPlayerLoopShape<TSystem> shape, ref int removed)
        {
            var children = shape.ChildrenOf(node);
            if (children == null || children.Length == 0) return node;
            var kept = new TSystem[children.Length];
            int n = 0;
            for (int i = 0; i < children.Length; i++)
            {
                if (IsMarker(shape.TypeOf(children[i]), marker))
                {
                    removed++;
                    continue;
                }
                kept[n++] = RemoveFrom(children[i], marker, shape, ref removed);
            }
            Array.Resize(ref kept, n);
            return shape.WithChildren(node, kept);
        }

        private static bool TryInsert<TSystem>(ref TSystem node, Type parent, TSystem system, IPlayerLoopShape<TSystem> shape)
        {
            var children = shape.ChildrenOf(node) ?? Array.Empty<TSystem>();
            if (shape.TypeOf(node) == parent)
            {
                var next = new TSystem[children.Length + 1];
                next[0] = system;
                Array.Copy(children, 0, next, 1, children.Length);
                node = shape.WithChildren(node, next);
                return true;
            }
            for (int i = 0; i < children.Length; i++)
            {
                var child = children[i];
                if (!TryInsert(ref child, parent, system, shape)) continue;
                var copy = (TSystem[])children.Clone();
                copy[i] = child;
                node = shape.WithChildren(node, copy);
                return true;
            }
            return false;
        }
    }
}
