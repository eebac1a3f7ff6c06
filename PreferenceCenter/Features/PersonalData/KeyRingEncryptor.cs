using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// Seals each Data Protection key's secret with AES-GCM under <see cref="KeyRingKey"/> before it is written to the
/// database; <see cref="KeyRingDecryptor"/> opens it. Without PersonalData:MasterKey the stored key ring is ciphertext.
/// </summary>
public sealed class KeyRingEncryptor(PersonalDataKeys keys) : IXmlEncryptor
{
    public const string ElementName = "sealedByMasterKey";

    private readonly byte[] key = KeyRingKey.From(keys);

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = AesGcmEnvelope.Seal(key, plaintext, KeyRingKey.AssociatedData);
        return new EncryptedXmlInfo(new XElement(ElementName, Convert.ToBase64String(sealedBytes)), typeof(KeyRingDecryptor));
    }
}
