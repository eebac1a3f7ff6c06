using MimeKit;

namespace PreferenceCenter.Features.Messaging;

/// <summary>Hands a finished message to the outside world.</summary>
public interface IEmailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default);
}
