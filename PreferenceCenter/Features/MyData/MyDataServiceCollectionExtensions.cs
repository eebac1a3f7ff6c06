using PreferenceCenter.Features.MyData;

namespace Microsoft.Extensions.DependencyInjection;

public static class MyDataServiceCollectionExtensions
{
    public static IServiceCollection AddMyData(this IServiceCollection services) => services
        .AddSingleton<MyDataProfiles>()
        .AddSingleton<MyDataService>();
}
