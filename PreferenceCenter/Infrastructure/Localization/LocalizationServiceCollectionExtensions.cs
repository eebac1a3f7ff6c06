using PreferenceCenter.Infrastructure.Localization;

namespace Microsoft.Extensions.DependencyInjection;

public static class LocalizationServiceCollectionExtensions
{
    public static IServiceCollection AddAppLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        // The language switcher's cookie wins over the browser's Accept-Language, which wins over English.
        services.Configure<RequestLocalizationOptions>(options => options
            .SetDefaultCulture(SupportedCultures.Default)
            .AddSupportedCultures([.. SupportedCultures.Names])
            .AddSupportedUICultures([.. SupportedCultures.Names]));
        return services;
    }
}
