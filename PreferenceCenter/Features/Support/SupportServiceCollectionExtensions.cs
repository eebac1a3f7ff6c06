using PreferenceCenter.Features.Support;

namespace Microsoft.Extensions.DependencyInjection;

public static class SupportServiceCollectionExtensions
{
    // Scoped: the search goes through Identity's UserManager, which is scoped.
    public static IServiceCollection AddSupport(this IServiceCollection services) => services
        .AddSingleton<CustomerContactReader>()
        .AddScoped<SupportCustomerSearch>()
        .AddScoped<OnBehalfNotifier>()
        .AddScoped<SupportConsoleService>();
}
