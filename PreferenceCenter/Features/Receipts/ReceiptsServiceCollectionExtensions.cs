using PreferenceCenter.Features.Preferences.Receipts;
using PreferenceCenter.Features.Receipts;

namespace Microsoft.Extensions.DependencyInjection;

public static class ReceiptsServiceCollectionExtensions
{
    /// <summary>Receipts of the customer's changes: the setting, the grouped email and its job, the download from /history.</summary>
    public static IServiceCollection AddReceipts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReceiptOptions>().Bind(configuration.GetSection(ReceiptOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReceiptWriter>();
        services.AddSingleton<ReceiptMail>();
        services.AddSingleton<ReceiptSettings>();
        services.AddSingleton<ReceiptDownload>();
        services.AddSingleton<ReceiptSender>();
        // One instance both hosted and resolvable, so tests can run a batch on demand.
        services.AddSingleton<ReceiptJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ReceiptJob>());
        return services;
    }
}
