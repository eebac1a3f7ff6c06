using Microsoft.Extensions.DependencyInjection.Extensions;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Consents.Gpc;

namespace Microsoft.Extensions.DependencyInjection;

public static class ConsentsServiceCollectionExtensions
{
    public static IServiceCollection AddConsents(this IServiceCollection services)
    {
        // Kept SQLite connections for a single consent change (ADR 0017); on PostgreSQL they stay unused.
        services.TryAddSingleton<SqliteWriteContexts>();
        return services.AddSingleton<ConsentService>().AddSingleton<WithdrawAllUndo>().AddSingleton<GlobalPrivacyControlService>()
            .AddSingleton<SignUpConsents>();
    }
}
