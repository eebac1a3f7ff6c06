using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents.Batch;
using PreferenceCenter.Features.Messaging;
using PreferenceCenter.Features.Messaging.Limits;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.Messaging.Sending;
using PreferenceCenter.Features.Unsubscribe;

namespace Microsoft.Extensions.DependencyInjection;

public static class MessagingServiceCollectionExtensions
{
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        var email = configuration.GetSection(EmailOptions.Section);
        services.AddOptions<EmailOptions>().Bind(email).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PublicUrlOptions>().Bind(configuration.GetSection(PublicUrlOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublicUrlOptions>, PublicUrlOptionsValidator>();
        services.AddSingleton<MailComposer>();
        if (email.Get<EmailOptions>()?.UsesSmtp == true)
        {
            services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        }
        else
        {
            services.AddSingleton<IEmailTransport, PickupDirectoryEmailTransport>();
        }

        services.AddSingleton<AccountMailCap>();
        services.AddScoped<AccountEmailSender>();
        services.AddScoped<IEmailSender<ApplicationUser>>(sp => sp.GetRequiredService<AccountEmailSender>());

        services.AddSingleton<LinkTokens>();
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<ManageLinks>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<MarketingEmails>();
        services.AddSingleton<UnsubscribeService>();
        services.AddSingleton<GroupCommitWithdrawals>();
        services.AddHostedService(sp => sp.GetRequiredService<GroupCommitWithdrawals>());
        // One instance both hosted and resolvable, so tests (and an operator command) can run a batch on demand.
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
