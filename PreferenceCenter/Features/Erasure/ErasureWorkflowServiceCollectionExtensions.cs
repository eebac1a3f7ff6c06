using Microsoft.Extensions.DependencyInjection.Extensions;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.Messaging.Links;

namespace Microsoft.Extensions.DependencyInjection;

public static class ErasureWorkflowServiceCollectionExtensions
{
    public static IServiceCollection AddErasureWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ErasureOptions>().Bind(configuration.GetSection(ErasureOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ErasureRequestReader>();
        services.AddSingleton<ErasureTransitions>();
        // The confirmation link is a Messaging link token; TryAdd, as the app registers Messaging too.
        services.TryAddSingleton<LinkTokens>();
        services.AddSingleton<ErasureLinks>();
        services.AddSingleton<ErasureAccounts>();
        services.AddSingleton<ErasureMail>();
        services.AddSingleton<ErasureCompletionNotice>();
        services.AddSingleton<ErasureRequestService>();
        services.AddSingleton<ErasureQueueService>();
        services.AddSingleton<ErasureRunner>();
        services.AddHostedService<ErasureJob>();
        return services;
    }
}
