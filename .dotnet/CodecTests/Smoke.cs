namespace FrameIpc.CodecTests { internal static class Smoke { } }
