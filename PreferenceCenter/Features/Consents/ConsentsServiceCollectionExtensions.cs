using PreferenceCenter.Features.Consents;

namespace Microsoft.Extensions.DependencyInjection;

public static class ConsentsServiceCollectionExtensions
{
    public static IServiceCollection AddConsents(this IServiceCollection services) =>
        services.AddSingleton<ConsentService>();
}
