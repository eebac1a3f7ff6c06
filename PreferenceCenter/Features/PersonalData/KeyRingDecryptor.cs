using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// Opens what <see cref="KeyRingEncryptor"/> sealed. Data Protection creates it by the type name stored beside each
/// sealed key, with the app's services (hence the <see cref="IServiceProvider"/> constructor).
/// </summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    private readonly byte[] key = KeyRingKey.From(services.GetRequiredService<PersonalDataKeys>());

    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(encryptedElement.Value);
        }
        catch (FormatException e)
        {
            throw new CryptographicException("A stored Data Protection key is damaged: its sealed secret is not base64.", e);
        }

        var plaintext = AesGcmEnvelope.Open(key, sealedBytes, KeyRingKey.AssociatedData)
            ?? throw new CryptographicException(
                "A stored Data Protection key cannot be opened: it was sealed under another PersonalData:MasterKey, or altered.");
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}
