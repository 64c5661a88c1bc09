using System;
using NUnit.Framework;

namespace FrameIpc.Tests.Limits
{
    /// <summary>
    /// Channel names are bounded in length on both ends, and a name nobody registered is never kept: a page inventing
    /// huge or endless channel names cannot grow engine memory.
    /// </summary>
    public class ChannelNameLimitTests
    {
        [TestCase(1023)]
        [TestCase(1024)]
        public void ANameAtOrUnderTheLimitIsSentAndHeard(int length)
        {
            using var rig = new IpcRig();
            var (_, renderer) = rig.AddView();
            var name = new string('n', length);
            int heard = 0;
            rig.Main.On(name, e => heard++);
            renderer.Send(name, 1);
            rig.Pump(() => heard == 1, "the send");
        }

        [Test]
        public void ANameOverTheLimitThrowsAtTheSender()
        {
            using var rig = new IpcRig();
            var (contents, renderer) = rig.AddView();
            var name = new string('n', 1025);
            var ex = Assert.Throws<IpcException>(() => renderer.Send(name, 1));
            Assert.That(ex.Name, Is.EqualTo(IpcErrorNames.Limit));
            Assert.That(ex.Message, Does.Contain("1025 characters is over the limit of 1024"));
            Assert.Throws<IpcException>(() => contents.Send(name, 1));
            Assert.Throws<IpcException>(() => renderer.InvokeAsync<int>(name));
        }

        [Test]
        public void AnInvokeOnAnOverLongChannelIsAnsweredWithALimitError()
        {
            using var rig = new IpcRig();
            var raw = new RawView(rig.Main);
            rig.Main.Tick();
            raw.Send("{\"k\":\"invoke\",\"id\":5,\"ch\":\"" + new string('n', 1025) + "\",\"a\":[]}");
            rig.Main.Tick();
            Assert.That(raw.AllReceived, Does.Contain("{\"k\":\"result\",\"id\":5,\"e\":{\"name\":\"LimitError\""));
            Assert.That(rig.Diagnostics.Exists(d => d.Kind == IpcDiagnosticKind.LimitExceeded), Is.True);
            raw.Close();
        }

        [Test]
        public void ASendOnAMillionCharacterChannelIsRefusedWithANotice()
        {
            using var rig = new IpcRig(new IpcOptions { MaxFrameChars = 2 << 20, MaxQueuedChars = 4 << 20 });
            var raw = new RawView(rig.Main);
            rig.Main.Tick();
            raw.Send("{\"k\":\"send\",\"ch\":\"" + new string('n', 1_000_000) + "\",\"a\":[]}");
            rig.Main.Tick();
            Assert.That(raw.AllReceived, Does.Contain("Channel name of 1000000 characters is over the limit of 1024"));
            raw.Close();
        }

        [Test]
        public void NamesNobodyRegisteredAreNotKept()
        {
            using var rig = new IpcRig();
            var raw = new RawView(rig.Main);
            rig.Main.On("known", e => { });
            rig.Main.Tick();
            int kept = rig.Main.Names.Count;
            for (int i = 0; i < 1000; i++) raw.Send("{\"k\":\"send\",\"ch\":\"invented:" + i + new string('x', 1000) + "\",\"a\":[]}");
            rig.Main.Tick();
            Assert.That(rig.Main.Names.Count, Is.EqualTo(kept));
            Assert.That(rig.Diagnostics.FindAll(d => d.Kind != IpcDiagnosticKind.Lifecycle), Is.Empty, "a send nobody listens to is not an error");
            raw.Close();
        }
    
        [Test]
        public void TheTracerCountsInventedChannelsInOneBucketPastItsBound()
        {
            using var rig = new IpcRig();
            rig.Main.Tracer.Enabled = true;
            var raw = new RawView(rig.Main);
            rig.Main.Tick();
            for (int i = 0; i < IpcTracer.MaxChannels + 50; i++) raw.Send("{\"k\":\"send\",\"ch\":\"t" + i + "\",\"a\":[]}");
            rig.Main.Tick();
            var channels = new System.Collections.Generic.List<IpcChannelTraffic>();
            rig.Main.Tracer.CopyChannels(channels);
            Assert.That(channels.Count, Is.EqualTo(IpcTracer.MaxChannels + 1));
            Assert.That(channels.Exists(c => c.Channel == IpcTracer.OtherChannels), Is.True);
            raw.Close();
        }
    }
}
