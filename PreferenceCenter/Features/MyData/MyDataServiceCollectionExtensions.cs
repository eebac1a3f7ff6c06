using Microsoft.Extensions.DependencyInjection.Extensions;
using PreferenceCenter.Features.MyData;
using PreferenceCenter.Features.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

public static class MyDataServiceCollectionExtensions
{
    public static IServiceCollection AddMyData(this IServiceCollection services)
    {
        services.AddSingleton<MyDataProfiles>();
        services.AddSingleton<MyDataService>();
        services.AddSingleton<WhereMyDataWentService>();
        // The delivery record "where my data went" reads; webhooks registers it too, and one is enough.
        services.TryAddSingleton<PartnerDeliveryReader>();
        return services;
    }
}
