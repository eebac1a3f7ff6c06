using PreferenceCenter.Features.History;
using PreferenceCenter.Features.Ledger;

namespace Microsoft.Extensions.DependencyInjection;

public static class LedgerServiceCollectionExtensions
{
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LedgerWriter>();
        services.AddSingleton<LedgerVerifier>();
        services.AddSingleton<HistoryService>();
        services.AddScoped<HistoryDescriber>();
        return services;
    }
}
