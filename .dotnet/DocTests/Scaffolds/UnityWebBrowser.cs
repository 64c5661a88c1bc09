// Stand-ins for the UnityWebBrowser members the docs' glue uses, by their public names (we do not have the package).
using System;

public static class UnityWebBrowserScaffold
{
    public static WebBrowserUi webBrowserUi { get; } = new WebBrowserUi();
}

public sealed class WebBrowserUi
{
    public WebBrowserClient browserClient { get; } = new WebBrowserClient();
}

public sealed class WebBrowserClient
{
    public event Action<string> OnLoadFinish { add { } remove { } }
    public void ExecuteJs(string js) { }
    public void RegisterJsMethod<T>(string name, Action<T> method) { }
}
