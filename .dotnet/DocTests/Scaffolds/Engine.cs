// Compiled with every C# snippet of the docs (a snippet reads these names through `using static EngineScaffold;`): what a
// snippet uses but does not declare, as the game around it would have it. A snippet that declares a name itself (its own
// `ipcMain`) shadows the one here.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using FrameIpc;

public static class EngineScaffold
{
    private static IpcMain s_main;
    private static IFrameTransport s_transport;
    private static WebContents s_hud;
    private static volatile bool s_stop;
    private static Thread s_page;

    /// <summary>An engine the snippets that continue the quickstart use; it answers inventory:count.</summary>
    public static IpcMain ipcMain
    {
        get
        {
            if (s_main != null) return s_main;
            s_main = new IpcMain();
            s_main.Handle("inventory:count", e => inventory[e.Arg<string>(0)]);
            return s_main;
        }
    }

    public static List<string> log { get; } = new List<string>();
    public static Inventory inventory { get; } = new Inventory();
    public static Shop shop { get; } = new Shop();
    public static List<int> healths { get; } = new List<int>();

    /// <summary>What the scaffold's page saw, for the test to read.</summary>
    public static List<string> PageSaw { get; } = new List<string>();

    /// <summary>The engine end of an in-memory link to a page that ticks on its own thread and answers dialog:confirm.</summary>
    public static IFrameTransport transport
    {
        get
        {
            if (s_transport != null) return s_transport;
            var (engineEnd, viewEnd) = InMemoryTransport.CreatePair();
            s_transport = engineEnd;
            var page = new IpcRenderer(viewEnd);
            page.On("hud:health", e => { lock (PageSaw) PageSaw.Add("hud:health " + e.Arg<int>(0)); });
            page.Handle("dialog:confirm", e => { lock (PageSaw) PageSaw.Add("dialog:confirm " + e.Arg<string>(0)); return true; });
            page.Connect();
            s_page = new Thread(() =>
            {
                var deadline = DateTime.UtcNow.AddSeconds(60); // bounded: a hung snippet must not leave a page ticking forever
                while (!s_stop && DateTime.UtcNow < deadline)
                {
                    page.Tick();
                    Thread.Sleep(1);
                }
                page.Dispose();
            }) { IsBackground = true, Name = "snippet page" };
            s_page.Start();
            return s_transport;
        }
    }

    /// <summary>A view of <see cref="ipcMain"/> that has not connected yet (sends to it are held).</summary>
    public static WebContents hud
    {
        get
        {
            if (s_hud != null) return s_hud;
            var (engineEnd, _) = InMemoryTransport.CreatePair();
            s_hud = ipcMain.Attach(engineEnd);
            return s_hud;
        }
    }

    /// <summary>Called by the test after the snippet ran.</summary>
    public static void Shutdown()
    {
        s_stop = true;
        s_page?.Join(TimeSpan.FromSeconds(10));
        s_main?.Dispose();
    }
}

public sealed class Item
{
    public string Name { get; set; }
}

public sealed class Inventory
{
    public int this[string kind] => kind == "potions" ? 3 : 0;

    public Item[] Items(string bag) => new[] { new Item { Name = bag + ": sword" } };
}

public sealed class Shop
{
    public async Task<string> BuyAsync(string item, CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken);
        return item + " bought";
    }
}

/// <summary>Stands in for UnityEngine.Debug in snippets written for a Unity script.</summary>
public static class Debug
{
    public static void Log(object message) => EngineScaffold.log.Add(message?.ToString());
}
