// Stand-ins for the WebView2 members the docs' glue uses, by their public names (we do not have the SDK).
using System;
using System.Threading.Tasks;

public static class WebView2Scaffold
{
    public static WebView2 webView { get; } = new WebView2();
}

public sealed class WebView2
{
    public CoreWebView2 CoreWebView2 { get; private set; }
    public Task EnsureCoreWebView2Async()
    {
        CoreWebView2 = new CoreWebView2();
        return Task.CompletedTask;
    }
}

public sealed class CoreWebView2WebMessageReceivedEventArgs : EventArgs
{
    public string TryGetWebMessageAsString() => "";
}

public sealed class CoreWebView2
{
    public event EventHandler<CoreWebView2WebMessageReceivedEventArgs> WebMessageReceived { add { } remove { } }
    public void PostWebMessageAsString(string message) { }
    public Task<string> AddScriptToExecuteOnDocumentCreatedAsync(string script) => Task.FromResult("script-1");
    public void Navigate(string uri) { }
}
