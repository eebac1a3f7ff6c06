using PreferenceCenter.Features.Api.Authentication;
using PreferenceCenter.Features.Import;

namespace Microsoft.Extensions.DependencyInjection;

public static class ImportServiceCollectionExtensions
{
    public static IServiceCollection AddImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImportOptions>(configuration.GetSection(ImportOptions.Section));
        services.AddSingleton<ImportPayloadSealer>();
        services.AddSingleton<ImportChunkWriter>();
        services.AddSingleton<ImportRunner>();
        services.AddSingleton<ImportService>();
        services.AddSingleton<ImportJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ImportJob>());
        return services;
    }

    /// <summary><c>/api/v1/imports</c>, rate-limited per client like the rest of the API.</summary>
    public static IEndpointRouteBuilder MapImport(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGroup(ApiServiceCollectionExtensions.BasePath + "/v1").RequireRateLimiting(ApiRateLimits.PerClient).MapImports();
        return endpoints;
    }
}
