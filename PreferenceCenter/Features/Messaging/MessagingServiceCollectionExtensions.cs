using Microsoft.AspNetCore.Identity;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Messaging;

namespace Microsoft.Extensions.DependencyInjection;

public static class MessagingServiceCollectionExtensions
{
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        var email = configuration.GetSection(EmailOptions.Section);
        services.AddOptions<EmailOptions>().Bind(email).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MailComposer>();
        if (email.Get<EmailOptions>()?.UsesSmtp == true)
        {
            services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        }
        else
        {
            services.AddSingleton<IEmailTransport, PickupDirectoryEmailTransport>();
        }

        services.AddScoped<AccountEmailSender>();
        services.AddScoped<IEmailSender<ApplicationUser>>(sp => sp.GetRequiredService<AccountEmailSender>());
        return services;
    }
}
