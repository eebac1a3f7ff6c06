using System.Text.RegularExpressions;
using MimeKit;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>Reads what the app "sent": the <c>.eml</c> files its pickup transport wrote.</summary>
public static partial class MailPickup
{
    /// <summary>The one message to <paramref name="recipient"/>; fails if there is none or more than one.</summary>
    public static async Task<MimeMessage> SingleMessageToAsync(string pickupDirectory, string recipient) =>
        Assert.Single(await MessagesToAsync(pickupDirectory, recipient));

    /// <summary>The one message to <paramref name="recipient"/> with this subject; fails if there is none or more than one.</summary>
    public static async Task<MimeMessage> SingleMessageToAsync(string pickupDirectory, string recipient, string subject)
    {
        var all = await MessagesToAsync(pickupDirectory, recipient);
        var matching = Assert.Single(all, m => m.Subject == subject);
        foreach (var other in all.Where(m => !ReferenceEquals(m, matching)))
        {
            other.Dispose();
        }

        return matching;
    }

    private static async Task<List<MimeMessage>> MessagesToAsync(string pickupDirectory, string recipient)
    {
        var found = new List<MimeMessage>();
        foreach (var file in Directory.Exists(pickupDirectory) ? Directory.GetFiles(pickupDirectory, "*.eml") : [])
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, recipient, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(message);
            }
            else
            {
                message.Dispose();
            }
        }

        return found;
    }

    /// <summary>The link in the message's HTML part whose path is <paramref name="path"/>, e.g. <c>/Account/ConfirmEmail</c>.</summary>
    public static Uri LinkTo(MimeMessage message, string path)
    {
        ArgumentNullException.ThrowIfNull(message);
        var html = message.HtmlBody ?? throw new InvalidOperationException($"The message '{message.Subject}' has no HTML part.");
        var links = Href().Matches(html)
            .Select(m => new Uri(System.Net.WebUtility.HtmlDecode(m.Groups["url"].Value)))
            .Where(u => u.AbsolutePath.Equals(path, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return Assert.Single(links);
    }

    [GeneratedRegex("href=\"(?<url>[^\"]+)\"")]
    private static partial Regex Href();
}
