using System.Runtime.CompilerServices;

// Unity compiles Tests/Editor apart from Tests/Runtime (.NET compiles them as one assembly): the Editor tests build on
// this assembly's internal rig instead of keeping one of their own.
[assembly: InternalsVisibleTo("FrameIpc.Editor.Tests")]
