using PreferenceCenter.Features.Erasure;

namespace Microsoft.Extensions.DependencyInjection;

public static class ErasureWorkflowServiceCollectionExtensions
{
    public static IServiceCollection AddErasureWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ErasureOptions>().Bind(configuration.GetSection(ErasureOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ErasureRequestReader>();
        services.AddSingleton<ErasureTransitions>();
        services.AddSingleton<ErasureConfirmationTokens>();
        services.AddSingleton<ErasureAccounts>();
        services.AddSingleton<ErasureMail>();
        services.AddSingleton<ErasureRequestService>();
        services.AddSingleton<ErasureQueueService>();
        services.AddSingleton<ErasureRunner>();
        services.AddHostedService<ErasureJob>();
        return services;
    }
}
