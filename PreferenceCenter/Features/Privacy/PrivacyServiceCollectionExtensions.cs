using PreferenceCenter.Features.Privacy;

namespace Microsoft.Extensions.DependencyInjection;

public static class PrivacyServiceCollectionExtensions
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddSingleton<PrivacyNoticeService>();
        services.AddSingleton<CatalogPublisher>();
        return services;
    }
}
