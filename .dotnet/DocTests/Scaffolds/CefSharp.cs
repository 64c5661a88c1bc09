// Stand-ins for the CefSharp members the docs' glue uses, by their public names (we do not have the package).
using System;

public static class CefSharpScaffold
{
    public static ChromiumWebBrowser browser { get; } = new ChromiumWebBrowser();
}

public sealed class JavascriptMessageReceivedEventArgs : EventArgs
{
    public object Message { get; set; }
}

public sealed class ChromiumWebBrowser
{
    public event EventHandler<JavascriptMessageReceivedEventArgs> JavascriptMessageReceived { add { } remove { } }
    public void ExecuteScriptAsync(string script) { }
    public void ExecuteScriptAsyncWhenPageLoaded(string script) { }
}
