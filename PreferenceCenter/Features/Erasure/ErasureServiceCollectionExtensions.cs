using PreferenceCenter.Features.Erasure;

namespace Microsoft.Extensions.DependencyInjection;

public static class ErasureServiceCollectionExtensions
{
    /// <summary>The erasure executor the request workflow calls once a request is approved.</summary>
    public static IServiceCollection AddErasure(this IServiceCollection services) => services
        .AddSingleton<ErasureSteps>()
        .AddSingleton<ErasureExecutor>();
}
