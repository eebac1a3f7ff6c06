using System.Diagnostics;
using System.Net.Http.Headers;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// The built app as its own process (Production settings, Kestrel on a free loopback port) on a test database's files,
/// so a test can end it the hard way: <see cref="KillAsync"/> is SIGKILL, with no shutdown code run.
/// </summary>
public sealed class KillableApp : IAsyncDisposable
{
    private readonly Process process;

    private KillableApp(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts the app and waits until <paramref name="ready"/> answers 200 with the bearer <paramref name="apiKey"/>.</summary>
    public static async Task<KillableApp> StartAsync(TestDatabase database, string mailFolder, string apiKey, Func<HttpClient, Task<HttpResponseMessage>> ready)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(ready);
        var dll = RepositoryPaths.AppDll;
        var baseAddress = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}/");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = RepositoryPaths.App, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = baseAddress.AbsoluteUri.TrimEnd('/'),
                ["App__PublicBaseUrl"] = baseAddress.AbsoluteUri,
                ["Email__PickupDirectory"] = mailFolder,
                ["Email__Outbox__PollInterval"] = "00:00:00.200",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        // The test database's store and both connection strings: its files, or its two databases on the cluster.
        foreach (var (name, value) in TestKeys.Settings.Select(s => KeyValuePair.Create(s.Name, (string?)s.Value)).Concat(database.ConfigurationEntries))
        {
            start.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new KillableApp(process, baseAddress);
        using var http = app.Http(apiKey);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} while starting.");
            }

            try
            {
                using var response = await ready(http);
                if (response.IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                await app.DisposeAsync();
                throw new TimeoutException("The app did not answer within 60 seconds.");
            }

            await Task.Delay(100);
        }
    }

    public HttpClient Http(string apiKey)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return http;
    }

    /// <summary>SIGKILL: the process ends mid-whatever, as on a power cut of the process (the OS keeps what was written).</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }
}
