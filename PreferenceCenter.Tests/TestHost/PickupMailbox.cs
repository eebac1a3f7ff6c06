using MimeKit;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// Waits for a message the app sends from its outbox: it is written to the pickup folder on the dispatcher's next
/// tick, after the change that queued it has committed.
/// </summary>
public static class PickupMailbox
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    // Readiness, not retry-until-green: delivery happens on a timer after the request that queued it has answered.
    public static async Task<MimeMessage> WaitForAsync(string pickupDirectory, string recipient, string subject)
    {
        var until = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < until)
        {
            foreach (var file in Directory.Exists(pickupDirectory) ? Directory.GetFiles(pickupDirectory, "*.eml") : [])
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.Subject == subject && message.To.Mailboxes.Any(m => string.Equals(m.Address, recipient, StringComparison.OrdinalIgnoreCase)))
                {
                    return message;
                }

                message.Dispose();
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No message '{subject}' to {recipient} reached {pickupDirectory} within {Deadline.TotalSeconds} s.");
    }
}
