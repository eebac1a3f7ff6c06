using PreferenceCenter.Features.Consents.Lifecycle;
using PreferenceCenter.Features.Privacy.Admin;

namespace Microsoft.Extensions.DependencyInjection;

public static class LifecycleServiceCollectionExtensions
{
    public static IServiceCollection AddLifecycle(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LifecycleOptions>().Bind(configuration.GetSection(LifecycleOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LifecycleMail>();
        services.AddSingleton<ConsentLinkService>();
        services.AddSingleton<MaterialChangeReviews>();
        services.AddSingleton<PurposeValidityService>();
        services.AddSingleton<LapseRecorder>();
        services.AddSingleton<RenewalReminderSender>();
        // Hosted and resolvable as one instance each, so tests can run a batch on demand as the timer would.
        services.AddSingleton<ExpiryJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ExpiryJob>());
        services.AddSingleton<ReminderJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderJob>());
        return services;
    }
}
