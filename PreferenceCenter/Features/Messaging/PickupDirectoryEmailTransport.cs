using Microsoft.Extensions.Options;
using MimeKit;

namespace PreferenceCenter.Features.Messaging;

/// <summary>Writes each message as an <c>.eml</c> file any mail client opens: the zero-install default.</summary>
public sealed class PickupDirectoryEmailTransport(IOptions<EmailOptions> options, IHostEnvironment environment, TimeProvider time)
    : IEmailTransport
{
    public string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Addressed to nobody: MailComposer found no address it could send to, and said so.
        if (message.To.Count == 0)
        {
            return;
        }

        Directory.CreateDirectory(Folder);
        // Time first so a folder listing reads in sending order; the GUID keeps names unique across instances.
        var name = $"{time.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}.eml";
        // Written under a temporary name and renamed: a crash mid-write leaves a .tmp, never a cut-off .eml.
        var partial = Path.Combine(Folder, name + ".tmp");
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, Path.Combine(Folder, name));
    }
}
