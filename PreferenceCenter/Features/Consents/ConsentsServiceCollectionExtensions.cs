using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Consents.Gpc;

namespace Microsoft.Extensions.DependencyInjection;

public static class ConsentsServiceCollectionExtensions
{
    public static IServiceCollection AddConsents(this IServiceCollection services) =>
        services.AddSingleton<ConsentService>().AddSingleton<WithdrawAllUndo>().AddSingleton<GlobalPrivacyControlService>()
            .AddSingleton<SignUpConsents>();
}
