using System.Net;
using System.Runtime;
using Microsoft.AspNetCore.Components.Server.Circuits;
using PreferenceCenter.Infrastructure.Diagnostics;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// <c>GET /bench/heap</c> for the circuit-memory benchmark: only when <c>Benchmark:Diagnostics</c> is on (the
/// benchmark's own app process), and only to a caller on this machine. Never mapped in a normal run.
/// </summary>
public static class BenchmarkDiagnostics
{
    public const string SettingKey = "Benchmark:Diagnostics";

    public static IServiceCollection AddBenchmarkDiagnostics(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>(SettingKey))
        {
            services.AddSingleton<OpenCircuitCounter>();
            services.AddSingleton<CircuitHandler>(provider => provider.GetRequiredService<OpenCircuitCounter>());
        }

        return services;
    }

    public static IEndpointRouteBuilder MapBenchmarkDiagnostics(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>(SettingKey))
        {
            app.MapGet("/bench/heap", (HttpContext context, OpenCircuitCounter circuits) =>
            {
                if (context.Connection.RemoteIpAddress is not { } caller || !IPAddress.IsLoopback(caller))
                {
                    return Results.NotFound();
                }

                // Live objects only, as dotnet-gcdump counts them: a blocking compacting full collection first.
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                return Results.Ok(new HeapReading(GC.GetTotalMemory(forceFullCollection: false), circuits.Open));
            });
        }

        return app;
    }
}
