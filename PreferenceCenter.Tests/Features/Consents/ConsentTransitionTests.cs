using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Tests.Features.Consents;

public sealed class ConsentTransitionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ConsentState.Granted, ConsentState.Withdrawn)]
    [InlineData(ConsentState.Withdrawn, ConsentState.Granted)]
    [InlineData(ConsentState.PendingConfirmation, ConsentState.Withdrawn)]
    public void Apply_ChangesExactlyTheListedProperties(ConsentState from, ConsentState to)
    {
        // The group commit's prepared update writes only ChangedProperties: one that Apply sets but the list
        // misses would be lost there without a sound.
        var purpose = new Purpose { Id = 3, Key = "marketing", Icon = "Campaign", ValidityMonths = 24, OfferedChannels = ChannelSet.Email };
        var consent = new Consent
        {
            Id = 7, CustomerId = Guid.NewGuid(), PurposeId = 3, Channel = Channel.Email, State = from, ChangedAt = Now.AddYears(-1),
            ExpiresAt = Now.AddDays(5), ExpiryRecordedAt = Now.AddDays(-1), NoticeVersion = 1, Source = ChangeSource.Web, Version = 4,
        };
        var before = Snapshot(consent);

        ConsentTransition.Apply(consent, to, purpose, 2, ChangeSource.OneClickUnsubscribe, Now);

        var after = Snapshot(consent);
        var changed = typeof(Consent).GetProperties().Select(p => p.Name).Where(name => !Equals(before[name], after[name])).ToHashSet();
        Assert.Subset(ConsentTransition.ChangedProperties.ToHashSet(), changed);
        Assert.Contains(nameof(Consent.Version), changed);
    }

    private static Dictionary<string, object?> Snapshot(Consent consent) =>
        typeof(Consent).GetProperties().ToDictionary(p => p.Name, p => p.GetValue(consent));
}
