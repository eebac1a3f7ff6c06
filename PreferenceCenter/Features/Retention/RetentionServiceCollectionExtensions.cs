using PreferenceCenter.Features.Privacy.Admin;
using PreferenceCenter.Features.Retention;

namespace Microsoft.Extensions.DependencyInjection;

public static class RetentionServiceCollectionExtensions
{
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PurposeRetentionService>();
        services.AddSingleton<RetentionRunner>();
        services.AddSingleton<RetentionPreviewService>();
        // Hosted and resolvable as one instance, so tests can run it on demand as the timer would.
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        return services;
    }
}
