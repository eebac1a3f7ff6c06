using PreferenceCenter.Features.Insights;

namespace Microsoft.Extensions.DependencyInjection;

public static class InsightsServiceCollectionExtensions
{
    public static IServiceCollection AddInsights(this IServiceCollection services)
    {
        services.AddOptions<InsightsOptions>().BindConfiguration(InsightsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InsightsService>();
        services.AddScoped<InsightText>();
        return services;
    }
}
