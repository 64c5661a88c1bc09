using System.Runtime.CompilerServices;

// Unity reads no csproj, so the grants live here: its test assemblies (and the .NET-only test and benchmark
// projects) reach the internals they check, such as the envelope scanner and the pool counters.
[assembly: InternalsVisibleTo("FrameIpc.Tests")]
[assembly: InternalsVisibleTo("FrameIpc.Editor.Tests")]
[assembly: InternalsVisibleTo("FrameIpc.Unity")]
[assembly: InternalsVisibleTo("FrameIpc.Editor")]
[assembly: InternalsVisibleTo("FrameIpc.IntegrationTests")]
[assembly: InternalsVisibleTo("FrameIpc.ReliabilityTests")]
[assembly: InternalsVisibleTo("FrameIpc.Benchmarks")]
[assembly: InternalsVisibleTo("FrameIpc.CodecTests")]
