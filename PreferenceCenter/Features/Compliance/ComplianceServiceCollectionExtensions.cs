using PreferenceCenter.Features.Compliance;

namespace Microsoft.Extensions.DependencyInjection;

public static class ComplianceServiceCollectionExtensions
{
    public static IServiceCollection AddCompliance(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ComplianceOptions>().Bind(configuration.GetSection(ComplianceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LedgerAnchorService>();
        services.AddSingleton<CompliancePanelService>();
        services.AddSingleton<ErasureDeadlineService>();
        // Hosted and resolvable as one instance, so tests can run it on demand as the timer would.
        services.AddSingleton<LedgerAnchorJob>();
        services.AddHostedService(sp => sp.GetRequiredService<LedgerAnchorJob>());
        return services;
    }
}
