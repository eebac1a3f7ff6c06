using System.Text;
using Microsoft.Playwright;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// Knows when an interactive Blazor Server page is live. Prerendered HTML looks finished long before its
/// handlers exist, so clicks on it are lost. The browser tells the server "OnRenderCompleted" over the
/// <c>_blazor</c> WebSocket once it has applied the circuit's first render batch: from then on, everything
/// on the page is the interactive render.
/// </summary>
public static class BlazorCircuit
{
    private static readonly byte[] RenderCompleted = Encoding.ASCII.GetBytes("OnRenderCompleted");
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>Opens <paramref name="url"/> and returns once its new circuit has rendered into the page.</summary>
    public static Task GotoAsync(IPage page, string url) =>
        RunAndWaitAsync(page, () => page.GotoAsync(url));

    /// <summary>Reloads and returns once the new circuit has rendered into the page.</summary>
    public static Task ReloadAsync(IPage page) =>
        RunAndWaitAsync(page, () => page.ReloadAsync());

    /// <summary>Runs a full-page navigation and waits for the circuit the new page opens to render.</summary>
    public static async Task RunAndWaitAsync(IPage page, Func<Task> navigation)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(navigation);
        var rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        void OnFrameSent(object? sender, IWebSocketFrame frame)
        {
            if (Contains(frame, RenderCompleted))
            {
                rendered.TrySetResult();
            }
        }

        void OnWebSocket(object? sender, IWebSocket socket)
        {
            if (socket.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                socket.FrameSent += OnFrameSent;
            }
        }

        page.WebSocket += OnWebSocket;
        try
        {
            await navigation();
            try
            {
                await rendered.Task.WaitAsync(Deadline);
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"{page.Url} did not become interactive within {Deadline.TotalSeconds} s (no render batch acknowledged on the Blazor circuit).", e);
            }
        }
        finally
        {
            page.WebSocket -= OnWebSocket;
        }
    }

    private static bool Contains(IWebSocketFrame frame, byte[] marker)
    {
        var payload = frame.Binary ?? (frame.Text is null ? [] : Encoding.UTF8.GetBytes(frame.Text));
        return payload.AsSpan().IndexOf(marker) >= 0;
    }
}
