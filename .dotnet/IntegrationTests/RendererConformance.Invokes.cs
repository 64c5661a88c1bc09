using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.IntegrationTests
{
    public abstract partial class RendererConformance
    {
        private const string CatchToJson = @"e => JSON.stringify({ ipc: e instanceof FrameIpc.IpcError, error: e instanceof Error,
            name: e.name, code: e.code === undefined ? null : e.code, data: e.data === undefined ? null : e.data, message: e.message })";

        [Test]
        public async Task Invoke_PageToEngine_ResolvesWithTheHandlersResult()
        {
            await Engine.Run(() =>
            {
                Main.Handle("add", e => e.Arg<int>(0) + e.Arg<int>(1));
                Main.Handle("profile", e => new Dictionary<string, object> { ["name"] = "Ada", ["level"] = e.Arg<int>(0) });
                Main.Handle<string>("later", async (e, ct) => { await Task.Yield(); return "done"; });
            });
            await LoadAsync();

            Assert.That(await Js<int>("() => ipcRenderer.invoke('add', 2, 3)"), Is.EqualTo(5));
            Assert.That(await Js<string>("async () => JSON.stringify(await ipcRenderer.invoke('profile', 7))"), Is.EqualTo("{\"name\":\"Ada\",\"level\":7}"));
            Assert.That(await Js<string>("() => ipcRenderer.invoke('later')"), Is.EqualTo("done"));
        }

        [Test]
        public async Task Invoke_PageToEngine_RejectsWithTheStructuredError()
        {
            await Engine.Run(() => Main.Handle<int>("shop:buy", e => throw new IpcException("OutOfStockError", "no potions left", "ESTOCK", "{\"left\":0}")));
            await LoadAsync();

            var json = await Js<string>("() => ipcRenderer.invoke('shop:buy', 'potion').then(() => 'resolved', " + CatchToJson + ")");

            Assert.That(json, Is.EqualTo("{\"ipc\":true,\"error\":true,\"name\":\"OutOfStockError\",\"code\":\"ESTOCK\",\"data\":{\"left\":0}," +
                "\"message\":\"Error invoking remote method 'shop:buy': OutOfStockError: no potions left\"}"));
        }

        [Test]
        public async Task Invoke_PageToEngine_WithoutHandler_SaysNoHandlerRegistered()
        {
            await LoadAsync();

            var message = await Js<string>("() => ipcRenderer.invoke('nobody:home').then(() => 'resolved', e => e.message)");

            Assert.That(message, Is.EqualTo("Error invoking remote method 'nobody:home': Error: No handler registered for 'nobody:home'"));
        }

        [Test]
        public async Task Invoke_EngineToPage_ReturnsResultsAndStructuredErrors()
        {
            await LoadAsync();
            await Js(@"() => {
                ipcRenderer.handle('mul', (e, a, b) => a * b);
                ipcRenderer.handle('later', async (e, x) => { await new Promise(r => setTimeout(r, 10)); return 'later:' + x; });
                ipcRenderer.handle('fail', () => { const err = new RangeError('too far'); err.code = 'EFAR'; err.data = { max: 3 }; throw err; });
            }");

            Assert.That(await Engine.Call(() => View.InvokeAsync<int, int, int>("mul", 6, 7)), Is.EqualTo(42));
            Assert.That(await Engine.Call(() => View.InvokeAsync<string, string>("later", "hi")), Is.EqualTo("later:hi"));

            var failure = await CatchAsync<IpcException>(Engine.Call(() => View.InvokeAsync<int>("fail")));
            Assert.That(failure.Name, Is.EqualTo("RangeError"));
            Assert.That(failure.Code, Is.EqualTo("EFAR"));
            Assert.That(failure.DataJson, Is.EqualTo("{\"max\":3}"));
            Assert.That(failure.Message, Is.EqualTo("Error invoking remote method 'fail': RangeError: too far"));

            var missing = await CatchAsync<IpcException>(Engine.Call(() => View.InvokeAsync<int>("nobody")));
            Assert.That(missing.Message, Is.EqualTo("Error invoking remote method 'nobody': Error: No handler registered for 'nobody'"));
        }

        [Test]
        public async Task Invoke_PageToEngine_TimesOut_AndTheHandlersTokenIsCancelled()
        {
            var cancelled = await HandleUntilCancelledAsync("slow");
            await LoadAsync();

            var json = await Js<string>("() => ipcRenderer.invokeWithOptions('slow', { timeout: 300 }).then(() => 'resolved', " + CatchToJson + ")");

            Assert.That(json, Does.StartWith("{\"ipc\":true,\"error\":true,\"name\":\"TimeoutError\",\"code\":\"ETIMEDOUT\",\"data\":null," +
                "\"message\":\"Error invoking remote method 'slow': TimeoutError: "));
            await WithDeadline(cancelled, "the engine handler's token to be cancelled");
        }

        [Test]
        public async Task Invoke_PageToEngine_PastItsDeadline_IsATimeout_EvenWhenTheEnginesAnswerComesFirst()
        {
            var cancelled = await HandleUntilCancelledAsync("slow");
            await LoadAsync();

            // A page too busy to run its timer on time, made certain: the invoke's 300 ms timer fires 5 s late, so the
            // engine, enforcing the same deadline, cancels its handler and answers first. The caller still timed out.
            var json = await Js<string>(@"() => {
                const onTime = window.setTimeout;
                window.setTimeout = (fn, ms, ...args) => onTime(fn, ms === 300 ? ms + 5000 : ms, ...args);
                const outcome = ipcRenderer.invokeWithOptions('slow', { timeout: 300 }).then(() => 'resolved', " + CatchToJson + @");
                window.setTimeout = onTime;
                return outcome;
            }");

            Assert.That(json, Does.StartWith("{\"ipc\":true,\"error\":true,\"name\":\"TimeoutError\",\"code\":\"ETIMEDOUT\",\"data\":null," +
                "\"message\":\"Error invoking remote method 'slow': TimeoutError: "));
            await WithDeadline(cancelled, "the engine handler's token to be cancelled");
        }

        [Test]
        public async Task Invoke_PageToEngine_AbortSignal_CancelsTheHandlersToken()
        {
            var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var cancelled = await HandleUntilCancelledAsync("slow", started);
            await LoadAsync();

            await Js("() => { window.ac = new AbortController(); window.outcome = ipcRenderer.invokeWithOptions('slow', { signal: ac.signal }).then(() => 'resolved', e => e.name + '|' + e.code); }");
            await WithDeadline(started.Task, "the engine handler to start");
            await Js("() => ac.abort()");

            Assert.That(await Js<string>("() => window.outcome"), Is.EqualTo("AbortError|ECANCELED"));
            await WithDeadline(cancelled, "the engine handler's token to be cancelled");
        }

        [Test]
        public async Task Invoke_EngineToPage_TimesOut_AndAbortsThePagesSignal()
        {
            await LoadAsync();
            await HandleForeverInPageAsync();

            var failure = await CatchAsync<IpcException>(Engine.Call(() => View.InvokeAsync<int>("forever", new IpcInvokeOptions(TimeSpan.FromMilliseconds(300)))));

            Assert.That(failure.Name, Is.EqualTo("TimeoutError"));
            Assert.That(failure.Code, Is.EqualTo("ETIMEDOUT"));
            await UntilPage("() => window.aborted.length === 1");
        }

        [Test]
        public async Task Invoke_EngineToPage_Cancellation_AbortsThePagesSignal()
        {
            await LoadAsync();
            await HandleForeverInPageAsync();
            using var cts = new CancellationTokenSource();

            var call = Engine.Call(() => View.InvokeAsync<int>("forever", new IpcInvokeOptions(null, cts.Token)));
            await UntilPage("() => window.started === 1");
            cts.Cancel();

            Assert.That(await CatchAsync<Exception>(call), Is.InstanceOf<OperationCanceledException>().Or.InstanceOf<IpcException>().With.Property("Name").EqualTo("AbortError"));
            await UntilPage("() => window.aborted.length === 1");
            Assert.That(await Js<string>("() => window.aborted[0]"), Is.EqualTo("AbortError"));
        }

        private async Task<Task> HandleUntilCancelledAsync(string channel, TaskCompletionSource<bool> started = null)
        {
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            await Engine.Run(() => Main.Handle<int>(channel, async (e, ct) =>
            {
                started?.TrySetResult(true);
                try { await Task.Delay(Timeout.Infinite, ct); }
                catch (OperationCanceledException) { cancelled.TrySetResult(true); throw; }
                return 0;
            }));
            return cancelled.Task;
        }

        private Task HandleForeverInPageAsync() => Js(@"() => {
            window.started = 0; window.aborted = [];
            ipcRenderer.handle('forever', (e) => new Promise(() => {
                window.started++;
                e.signal.addEventListener('abort', () => window.aborted.push(e.signal.reason ? e.signal.reason.name : 'no reason'));
            }));
        }");

        internal static async Task<T> CatchAsync<T>(Task task) where T : Exception
        {
            try { await WithDeadline(task, "the call to fail"); }
            catch (T expected) { return expected; }
            Assert.Fail("expected " + typeof(T).Name + ", but the call succeeded");
            return null;
        }

        internal static async Task WithDeadline(Task task, string what)
        {
            if (await Task.WhenAny(task, Task.Delay(Deadline)) != task) Assert.Fail("Timed out after 30 s waiting for " + what);
            await task;
        }
    }
}
