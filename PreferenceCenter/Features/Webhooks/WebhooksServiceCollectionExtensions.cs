using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PreferenceCenter.Features.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

public static class WebhooksServiceCollectionExtensions
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(WebhookSender.HttpClientName, (sp, client) => client.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => WebhookConnections.CreateHandler(environment.IsDevelopment()));
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookUrlValidator>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookFanOut>();
        services.AddSingleton<WebhookAdminService>();
        services.TryAddSingleton<PartnerDeliveryReader>();
        // One instance both hosted and resolvable, so tests can run a batch on demand.
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        return services;
    }
}
