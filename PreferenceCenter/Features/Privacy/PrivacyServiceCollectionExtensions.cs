using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Features.Privacy.Editor;

namespace Microsoft.Extensions.DependencyInjection;

public static class PrivacyServiceCollectionExtensions
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddSingleton<PrivacyNoticeService>();
        services.AddSingleton<CatalogPublisher>();
        services.AddSingleton<NoticeDraftService>();
        // Bound when configuration is there (the app); the defaults otherwise (tests that wire features by hand).
        services.AddOptions<ControllerOptions>()
            .Configure<IServiceProvider>((options, provider) => provider.GetService<IConfiguration>()?.GetSection(ControllerOptions.Section).Bind(options));
        return services;
    }
}
