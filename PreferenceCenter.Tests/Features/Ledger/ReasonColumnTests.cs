using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Tests.Features.Ledger;

public sealed class ReasonColumnTests
{
    [Fact]
    public void TheReasonColumn_HoldsTheLongestReasonOnceSealed_InTheWidestCharacters()
    {
        var longest = new string('€', Actor.ReasonMaxLength);

        var sealedReason = ProtectedText.Seal(new byte[32], Guid.NewGuid(), longest);

        Assert.True(sealedReason.Length <= LedgerEntry.StoredReasonMaxLength, $"{sealedReason.Length} > {LedgerEntry.StoredReasonMaxLength}");
        Assert.True(ProtectedText.MaxLengthFor(Actor.ReasonMaxLength) <= LedgerEntry.StoredReasonMaxLength);
    }
}
