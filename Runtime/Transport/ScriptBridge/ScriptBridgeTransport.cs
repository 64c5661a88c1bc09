using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;

namespace FrameIpc
{
    /// <summary>
    /// The transport every embedded browser can offer: one delegate that pushes a string into the page
    /// (Vuplex <c>PostMessage</c>, WebView2 <c>PostWebMessageAsString</c>, CEF <c>ExecuteJavaScript</c>), and
    /// <see cref="Receive(string)"/>, which the glue calls with each string the page posts. Documentation~/browser.md
    /// has copy-paste glue for each browser.
    /// </summary>
    public sealed class ScriptBridgeTransport : IFrameTransport
    {
        /// <summary>Most frames kept from a page before its view is attached.</summary>
        public const int MaxEarlyFrames = 1024;

        /// <summary>Most characters kept from a page before its view is attached (4,194,304: 8 MiB).</summary>
        public const int MaxEarlyChars = 4 << 20;

        private readonly Action<string> _pushToPage;
        private readonly bool _asScript;
        private readonly object _gate = new object();
        private List<string>? _early = new List<string>();
        private long _earlyChars;
        private int _lostFrames;
        private long _lostChars;
        private IFrameReceiver? _receiver;
        private string? _closeReason;

        /// <summary>
        /// A bridge that hands each engine frame, as is, to <paramref name="pushToPage"/> (called on the ticking thread),
        /// for hosts with a message channel into the page (Vuplex, WebView2): ipc-renderer.js reads their 'message' events.
        /// </summary>
        public ScriptBridgeTransport(Action<string> pushToPage) : this(pushToPage, false) { }

        private ScriptBridgeTransport(Action<string> pushToPage, bool asScript)
        {
            _pushToPage = pushToPage ?? throw new ArgumentNullException(nameof(pushToPage));
            _asScript = asScript;
        }

        /// <summary>
        /// A bridge for hosts that can only run script in the page (CEF, CefSharp, UnityWebBrowser): each frame reaches
        /// <paramref name="executeJavaScript"/> already wrapped as <c>window.__frameIpcReceive("...")</c>.
        /// </summary>
        public static ScriptBridgeTransport ForScriptExecution(Action<string> executeJavaScript) => new ScriptBridgeTransport(executeJavaScript, true);

        /// <summary>The text of ipc-renderer.js, to inject into pages that do not load it themselves.</summary>
        public static string RendererScript => RendererScriptText.Source;

        /// <summary>
        /// A script that defines the generic host object <c>window.frameIpcHost</c>, posting each page frame through
        /// <paramref name="postFunction"/> (a JavaScript expression naming a function of one string, e.g.
        /// <c>"CefSharp.PostMessage"</c>), followed by ipc-renderer.js. Inject it when a page is created.
        /// </summary>
        public static string InjectionScript(string postFunction)
        {
            if (string.IsNullOrWhiteSpace(postFunction)) throw new ArgumentException("postFunction must be a JavaScript expression naming a function", nameof(postFunction));
            // Looked up at each post: a host may define its function after this script ran. Only an own property counts
            // as "already defined": a host that injects after the page loaded must not be fooled by an element named
            // frameIpcHost (DOM clobbering shows <iframe name="frameIpcHost"> as window.frameIpcHost).
            return "(function () { if (!Object.prototype.hasOwnProperty.call(window, 'frameIpcHost')) { window.frameIpcHost = Object.freeze({ post: function (frame) { (" + postFunction + ")(frame); } }); } })();\n"
                + RendererScriptText.Source;
        }

        /// <summary>The call that delivers <paramref name="frame"/> to ipc-renderer.js: <c>window.__frameIpcReceive("...")</c>.</summary>
        public static string ReceiveScript(ReadOnlySpan<char> frame)
        {
            var script = new StringBuilder(frame.Length + 32);
            script.Append("window.__frameIpcReceive(");
            AppendJsString(script, frame);
            script.Append(')');
            return script.ToString();
        }

        /// <summary>False: the ticking thread is the one that pushes into the page, so it must never block on an answer.</summary>
        public bool CanBlockCurrentThread => false;

        /// <summary>Why the bridge closed, or null while open.</summary>
        public string? CloseReason => Volatile.Read(ref _closeReason);

        /// <inheritdoc />
        public void Start(IFrameReceiver receiver)
        {
            if (receiver == null) throw new ArgumentNullException(nameof(receiver));
            lock (_gate)
            {
                if (_receiver != null) throw new InvalidOperationException("ScriptBridgeTransport.Start was already called");
                _receiver = receiver;
                // Under the lock, so a frame the page posts meanwhile cannot overtake these.
                foreach (var frame in _early!) receiver.OnFrame(frame.AsSpan());
                _early = null;
                if (_lostFrames > 0 && receiver is IFrameLossSink sink)
                    sink.OnFramesLost(_lostFrames, _lostChars,
                        $"the page posted them before its view was attached, past the bridge's bound of {MaxEarlyFrames} frames and {MaxEarlyChars} characters");
            }
            var reason = CloseReason;
            if (reason != null) receiver.OnClosed(reason);
        }

        /// <inheritdoc />
        public void Send(ReadOnlySpan<char> frame)
        {
            var reason = CloseReason;
            if (reason != null) throw new IpcException(IpcErrorNames.ViewGone, "The script bridge is closed (" + reason + ")", IpcErrorCodes.ViewGone);
            _pushToPage(_asScript ? ReceiveScript(frame) : frame.ToString());
        }

        /// <summary>One string the page posted (its <c>frameIpcHost.post</c>, <c>vuplex.postMessage</c>, ...). Any thread.</summary>
        public void Receive(string fromPage)
        {
            if (fromPage == null) throw new ArgumentNullException(nameof(fromPage));
            IFrameReceiver? receiver;
            lock (_gate)
            {
                if (_closeReason != null) return;
                receiver = _receiver;
                if (receiver == null)
                {
                    // Glue that hooks the page before the view is attached: keep what came, in order, within a bound;
                    // what is past it is counted and reported to the view when it attaches.
                    if (_early!.Count < MaxEarlyFrames && _earlyChars + fromPage.Length <= MaxEarlyChars)
                    {
                        _early.Add(fromPage);
                        _earlyChars += fromPage.Length;
                    }
                    else
                    {
                        _lostFrames++;
                        _lostChars += fromPage.Length;
                    }
                    return;
                }
            }
            receiver.OnFrame(fromPage.AsSpan());
        }

        /// <summary>The page is gone for good (the browser was destroyed): the view goes away with <paramref name="reason"/>.</summary>
        public void Close(string reason)
        {
            IFrameReceiver? receiver;
            lock (_gate)
            {
                if (_closeReason != null) return;
                _closeReason = reason ?? "closed";
                receiver = _receiver;
            }
            receiver?.OnClosed(_closeReason);
        }

        /// <summary>Same as <see cref="Close"/> with "disposed".</summary>
        public void Dispose() => Close("disposed");

        // JSON string escaping, plus U+2028/U+2029, which older script engines do not accept inside a string literal.
        private static void AppendJsString(StringBuilder sb, ReadOnlySpan<char> text)
        {
            sb.Append('"');
            foreach (char c in text)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    case '\u2028': sb.Append("\\u2028"); break;
                    case '\u2029': sb.Append("\\u2029"); break;
                    default:
                        if (c < ' ' || c == '<') sb.Append("\\u").Append(((int)c).ToString("x4"));
                        else sb.Append(c);
                        break;
                }
            }
            sb.Append('"');
        }
    }
}
