using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Features.Import;

/// <summary>
/// Seals an accepted file (it holds addresses) under the master key, bound to its run, for as long as the run needs
/// it; the run drops it when it completes.
/// </summary>
public sealed class ImportPayloadSealer(PersonalDataKeys keys)
{
    public byte[] Seal(Guid runId, byte[] file) => AesGcmEnvelope.Seal(keys.Master, file, runId.ToByteArray());

    public byte[] Open(Guid runId, byte[] sealedFile) =>
        AesGcmEnvelope.Open(keys.Master, sealedFile, runId.ToByteArray())
        ?? throw new PersonalDataUnreadableException($"Import {runId}'s file cannot be opened: PersonalData:MasterKey is not the key it was sealed with.");
}
