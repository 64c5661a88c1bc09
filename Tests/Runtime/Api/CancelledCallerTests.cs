using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Api
{
    /// <summary>A cancelled C# caller gets .NET's OperationCanceledException with its own token (what IpcInvokeOptions says), both ways.</summary>
    public class CancelledCallerTests
    {
        [Test]
        public void AViewsCancelledInvokeThrowsOperationCanceledExceptionWithItsToken()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            rig.Main.Handle<int>("work", async (e, ct) => { await Task.Delay(Timeout.Infinite, ct); return 1; });
            using var cts = new CancellationTokenSource();
            var call = view.InvokeAsync<int>("work", cts.Token).AsTask();
            rig.TickAll();
            cts.Cancel();

            var ex = rig.Failure(call, "the cancelled invoke");
            Assert.That(ex, Is.InstanceOf<OperationCanceledException>());
            Assert.That(((OperationCanceledException)ex).CancellationToken, Is.EqualTo(cts.Token));
        }

        [Test]
        public void TheEnginesCancelledInvokeThrowsOperationCanceledExceptionToo()
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            view.Handle<int>("page:work", async (e, ct) => { await Task.Delay(Timeout.Infinite, ct); return 1; });
            using var cts = new CancellationTokenSource();
            var call = contents.InvokeAsync<int>("page:work", new IpcInvokeOptions(TimeSpan.FromSeconds(60), cts.Token)).AsTask();
            rig.TickAll();
            cts.Cancel();

            var ex = rig.Failure(call, "the cancelled invoke");
            Assert.That(ex, Is.InstanceOf<OperationCanceledException>());
            Assert.That(ex, Is.Not.InstanceOf<IpcException>());
        }
    }
}
