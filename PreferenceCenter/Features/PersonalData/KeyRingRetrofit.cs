using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// Seals, in place, the Data Protection keys written before the key ring was sealed (<see cref="KeyRingEncryptor"/>):
/// each secret Data Protection marked <c>requiresEncryption</c> is replaced by the same <c>encryptedSecret</c> element it
/// writes itself for a new key. Keys keep their ids and dates, so links already emailed and cookies already issued keep
/// working; a copy of the file taken from now on holds no usable key. Idempotent; runs at start-up.
/// </summary>
public sealed partial class KeyRingRetrofit(IDbContextFactory<AppDbContext> dbFactory, PersonalDataKeys keys, ILogger<KeyRingRetrofit> logger)
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName RequiresEncryption = DataProtection + "requiresEncryption";
    private static readonly XName EncryptedSecret = DataProtection + "encryptedSecret";

    /// <returns>How many stored keys were sealed now.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var encryptor = new KeyRingEncryptor(keys);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.DataProtectionKeys.ToListAsync(cancellationToken);
        var sealedNow = 0;
        foreach (var row in rows.Where(r => r.Xml is not null))
        {
            var key = XElement.Parse(row.Xml!);
            var secrets = key.Descendants().Where(e => (bool?)e.Attribute(RequiresEncryption) == true).ToList();
            foreach (var secret in secrets)
            {
                var encrypted = encryptor.Encrypt(new XElement(secret));
                secret.ReplaceWith(new XElement(EncryptedSecret,
                    new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!), encrypted.EncryptedElement));
            }

            if (secrets.Count > 0)
            {
                row.Xml = key.ToString(SaveOptions.DisableFormatting);
                sealedNow++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (sealedNow > 0)
        {
            LogSealed(logger, sealedNow);
        }

        return sealedNow;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sealed {Count} Data Protection key(s) that were stored unencrypted.")]
    private static partial void LogSealed(ILogger logger, int count);
}
