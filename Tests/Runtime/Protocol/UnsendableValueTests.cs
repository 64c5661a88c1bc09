using System;
using System.IO;
using System.Reflection;
using System.Reflection.Emit;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Protocol
{
    /// <summary>
    /// What no IPC can carry is refused at the sender with Electron's "An object could not be cloned." and the type,
    /// instead of arriving altered: delegates, tasks, pointers, streams, reflection objects and Unity engine objects.
    /// </summary>
    public class UnsendableValueTests
    {
        private static void AssertRefused(object value, string what)
        {
            using var rig = new IpcRig();
            var (contents, view) = rig.AddView();
            int heard = 0;
            rig.Main.On("x", e => heard++);

            var ex = Assert.Throws<IpcException>(() => view.Send("x", value));
            Assert.That(ex.Message, Does.StartWith("Cannot send on 'x': an argument cannot be sent as JSON"));
            Assert.That(ex.Message, Does.Contain("An object could not be cloned."));
            Assert.That(ex.Message, Does.Contain(value.GetType().FullName + " is " + what));
            // The engine side refuses the same, and the view still works afterwards: nothing half-written went out.
            var engineSide = Assert.Throws<IpcException>(() => contents.Send("x", value));
            Assert.That(engineSide.Message, Does.Contain("An object could not be cloned."));
            view.Send("x", 1);
            rig.Pump(() => heard == 1);
        }

        [Test] public void ADelegateIsRefused() => AssertRefused(new Func<int>(() => 1), "a delegate");
        [Test] public void ATaskIsRefused() => AssertRefused(Task.FromResult(1), "a task");
        [Test] public void AnUnfinishedTaskIsRefused() => AssertRefused(new TaskCompletionSource<int>().Task, "a task");
        [Test] public void AValueTaskIsRefused() => AssertRefused(new ValueTask<int>(1), "a task");
        [Test] public void APlainValueTaskIsRefused() => AssertRefused(new ValueTask(), "a task");
        [Test] public void AnIntPtrIsRefused() => AssertRefused(new IntPtr(42), "a pointer");
        [Test] public void AUIntPtrIsRefused() => AssertRefused(new UIntPtr(42), "a pointer");
        [Test] public void AStreamIsRefused() => AssertRefused(new MemoryStream(new byte[] { 1, 2 }), "a stream");
        [Test] public void ATypeIsRefused() => AssertRefused(typeof(string), "a reflection object");
        [Test] public void AMethodInfoIsRefused() => AssertRefused(typeof(string).GetMethod("Trim", Type.EmptyTypes)!, "a reflection object");
        [Test] public void AnAssemblyIsRefused() => AssertRefused(typeof(string).Assembly, "a reflection object");

        [Test]
        public void AUnityEngineObjectIsRefused_KnownByItsBaseTypesName()
        {
            // Runtime has no UnityEngine reference, so the check is by name: a stand-in hierarchy named like Unity's.
            var module = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("FakeUnityEngine"), AssemblyBuilderAccess.Run).DefineDynamicModule("FakeUnityEngine");
            var baseType = module.DefineType("UnityEngine.Object", TypeAttributes.Public | TypeAttributes.Class).CreateTypeInfo()!.AsType();
            var texture = module.DefineType("UnityEngine.Texture2D", TypeAttributes.Public | TypeAttributes.Class, baseType).CreateTypeInfo()!.AsType();
            AssertRefused(Activator.CreateInstance(texture)!, "a Unity engine object");
        }

        [Test]
        public void ADelegateInsideAnObjectIsRefused()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            var ex = Assert.Throws<IpcException>(() => view.Send("x", new Holder { Name = "a", Callback = () => { } }));
            Assert.That(ex.Message, Does.Contain("An object could not be cloned. System.Action is a delegate."));
        }

        [Test]
        public void AHandlersUnsendableResultBecomesTheCallersError()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            rig.Main.Handle("x", e => new MemoryStream());
            var ex = (IpcException)rig.AwaitFailure(view.InvokeAsync<object>("x"));
            Assert.That(ex.RemoteMessage, Does.Contain("An object could not be cloned. System.IO.MemoryStream is a stream."));
        }

        [Test]
        public void OrdinaryValuesStillCross()
        {
            using var rig = new IpcRig();
            var (_, view) = rig.AddView();
            string got = null;
            rig.Main.On("x", e => got = e.ArgJson(0));
            view.Send("x", new Holder { Name = "plain" });
            rig.Pump(() => got != null);
            Assert.That(got, Is.EqualTo("{\"name\":\"plain\",\"callback\":null}"));
        }

        public sealed class Holder
        {
            public string Name;
            public Action Callback;
        }
    }
}
