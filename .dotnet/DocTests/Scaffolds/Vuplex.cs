// Stand-ins for the Vuplex 3D WebView members the docs' glue uses, by their public names (we do not have the SDK):
// enough to compile and run the glue, not to behave like a browser. Also serves README's "webView" of a script bridge.
using System;
using System.Collections.Generic;
using System.Threading.Tasks;

public static class VuplexScaffold
{
    public static WebViewPrefab webViewPrefab { get; } = new WebViewPrefab();
    public static IWebView webView => webViewPrefab.WebView;
}

public sealed class WebViewPrefab
{
    public IWebView WebView { get; } = new StubWebView();
    public Task WaitUntilInitialized() => Task.CompletedTask;
}

public interface IWebView
{
    event EventHandler<EventArgs<string>> MessageEmitted;
    List<string> PageLoadScripts { get; }
    void PostMessage(string message);
    void LoadUrl(string url);
}

public class EventArgs<T> : EventArgs
{
    public EventArgs(T value) { Value = value; }
    public T Value { get; }
}

internal sealed class StubWebView : IWebView
{
    public event EventHandler<EventArgs<string>> MessageEmitted { add { } remove { } }
    public List<string> PageLoadScripts { get; } = new List<string>();
    public void PostMessage(string message) { }
    public void LoadUrl(string url) { }
}
