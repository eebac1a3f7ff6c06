using Microsoft.Extensions.Options;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Insights;

namespace Microsoft.Extensions.DependencyInjection;

public static class InsightsServiceCollectionExtensions
{
    public static IServiceCollection AddInsights(this IServiceCollection services)
    {
        services.AddOptions<InsightsOptions>().BindConfiguration(InsightsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InsightsService>();
        // The one small-cell rule, also used by the feedback page (Preferences), which must not show what the charts hide.
        services.AddSingleton(provider => new SmallCells(provider.GetRequiredService<IOptions<InsightsOptions>>().Value.MinimumCellSize));
        services.AddScoped<InsightText>();
        return services;
    }
}
