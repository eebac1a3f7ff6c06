using System.Net;
using Microsoft.Extensions.Hosting;

namespace PreferenceCenter.Features.Webhooks;

/// <summary><see cref="WebhookUrlRules"/> with the real resolver and the app's environment.</summary>
public sealed class WebhookUrlValidator(IHostEnvironment environment)
{
    public Task<WebhookUrlProblem?> CheckAsync(string? url, CancellationToken cancellationToken = default) =>
        WebhookUrlRules.CheckAsync(url, environment.IsDevelopment(), (host, token) => Dns.GetHostAddressesAsync(host, token), cancellationToken);
}
