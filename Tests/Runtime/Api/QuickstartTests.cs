using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FrameIpc.Tests.Api
{
    /// <summary>The README's C# quickstart, as written, run end to end (so the README cannot drift from the API).</summary>
    public class QuickstartTests
    {
        private static readonly IpcChannel<int> Health = new IpcChannel<int>("hud:health");
        private static readonly IpcInvokeChannel<string, Item[]> GetItems = new IpcInvokeChannel<string, Item[]>("inventory:get");

        [Test]
        public void TheReadmeQuickstartRunsAsWritten()
        {
            var log = new List<string>();
            var ipcMain = new IpcMain();
            var inventory = new Dictionary<string, int> { ["potions"] = 3 };

            ipcMain.On("hud:click", e => log.Add($"view {e.SenderId} clicked {e.Arg<string>(0)}"));
            ipcMain.Handle("inventory:count", e => inventory[e.Arg<string>(0)]);
            ipcMain.Handle("shop:buy", async (e, ct) => { await Task.Delay(1, ct); return e.Arg<string>(0) + " bought"; });
            ipcMain.Handle(GetItems, (e, bag) => new[] { new Item { Name = bag + ":1" } });

            var (engineEnd, viewEnd) = InMemoryTransport.CreatePair();
            var hud = ipcMain.Attach(engineEnd);
            hud.Send("hud:health", 87, 100);
            hud.Send(Health, 87);

            var renderer = new IpcRenderer(viewEnd);
            var healths = new List<int>();
            renderer.On("hud:health", (e) => healths.Add(e.Arg<int>(0)));
            renderer.Handle("dialog:confirm", e => e.Arg<string>(0) == "Quit?");
            renderer.Connect();

            async Task<string> Page()
            {
                int count = await renderer.InvokeAsync<string, int>("inventory:count", "potions");
                string bought = await renderer.InvokeAsync<string, string>("shop:buy", "sword");
                var items = await renderer.InvokeAsync(GetItems, "bag");
                renderer.Send("hud:click", "potions");
                return $"{count}/{bought}/{items[0].Name}";
            }

            var page = Page();
            var confirm = hud.InvokeAsync<string, bool>("dialog:confirm", "Quit?", TimeSpan.FromSeconds(30)).AsTask();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!(page.IsCompleted && confirm.IsCompleted && log.Count == 1) && DateTime.UtcNow < deadline)
            {
                renderer.Tick();
                ipcMain.Tick();
                Thread.Sleep(1);
            }

            Assert.That(page.Result, Is.EqualTo("3/sword bought/bag:1"));
            Assert.That(confirm.Result, Is.True);
            Assert.That(healths, Is.EqualTo(new[] { 87, 87 }));
            Assert.That(log, Is.EqualTo(new[] { $"view {hud.Id} clicked potions" }));
            renderer.Dispose();
            ipcMain.Dispose();
        }

        public class Item
        {
            public string Name;
        }
    }
}
