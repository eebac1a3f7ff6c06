using System.Text.Json;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Webhooks;

namespace PreferenceCenter.Tests.Features.Webhooks;

/// <summary>What each event says, and that an erasure says only which reference was erased and what to delete.</summary>
public sealed class WebhookPayloadsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static LedgerEntry Entry(LedgerEventType type, string? before = null, string? after = null, Channel? channel = null, string? detail = null) => new()
    {
        Sequence = 42, OccurredAt = At, EventType = type, ActorId = "someone", SubjectId = Guid.NewGuid(), Source = ChangeSource.Erasure,
        PurposeKey = type is LedgerEventType.ConsentWithdrawn ? "marketing" : null, Channel = channel, Before = before, After = after,
        Detail = detail, PreviousHash = "x",
    };

    [Fact]
    public void CustomerErased_SaysOnlyTheReferenceAndWhatToDelete()
    {
        var body = WebhookPayloads.Build(WebhookEventTypes.CustomerErased, Entry(LedgerEventType.CustomerErased, detail: "request:7"), "PC-7K3M9Q");

        Assert.Equal(
            """{"type":"customer.erased","timestamp":"2026-12-02T10:00:00.000Z","data":{"customer":"PC-7K3M9Q","sequence":42,"delete":["contact-details","profile","consents","preferences","derived-data"]}}""",
            body);
    }

    [Fact]
    public void ConsentChanged_SaysPurposeChannelAndStates()
    {
        var body = WebhookPayloads.Build(WebhookEventTypes.ConsentChanged, Entry(LedgerEventType.ConsentWithdrawn, "granted", "withdrawn", Channel.Email), "PC-7K3M9Q");

        var data = JsonDocument.Parse(body).RootElement.GetProperty("data");
        Assert.Equal(("marketing", "email", "withdrawn", "granted"), (data.GetProperty("purpose").GetString(), data.GetProperty("channel").GetString(),
            data.GetProperty("state").GetString(), data.GetProperty("previousState").GetString()));
    }

    [Fact]
    public void PreferencesChanged_SaysWhichChangeAndItsValue()
    {
        var body = WebhookPayloads.Build(WebhookEventTypes.PreferencesChanged, Entry(LedgerEventType.ContactPaused, null, "2027-01-01T00:00:00.000Z", Channel.Sms), "PC-7K3M9Q");

        var data = JsonDocument.Parse(body).RootElement.GetProperty("data");
        Assert.Equal(("sms", "paused", "2027-01-01T00:00:00.000Z"),
            (data.GetProperty("channel").GetString(), data.GetProperty("change").GetString(), data.GetProperty("pausedUntil").GetString()));
    }

    [Theory]
    [InlineData(LedgerEventType.ConsentGranted, WebhookEventTypes.ConsentChanged)]
    [InlineData(LedgerEventType.ConsentExpired, WebhookEventTypes.ConsentChanged)]
    [InlineData(LedgerEventType.ContactFrequencyChanged, WebhookEventTypes.PreferencesChanged)]
    [InlineData(LedgerEventType.CustomerErased, WebhookEventTypes.CustomerErased)]
    [InlineData(LedgerEventType.ErasureSuppressionWritten, WebhookEventTypes.SuppressionAdded)]
    [InlineData(LedgerEventType.PersonalDataRevealed, null)]
    [InlineData(LedgerEventType.RenewalReminderSent, null)]
    public void EachLedgerEvent_MakesTheRightTypeOrNone(LedgerEventType entry, string? expected)
    {
        Assert.Equal(expected, WebhookEventTypes.Of(entry));
        Assert.Equal(expected is not null, WebhookEventTypes.Sources.Contains(entry));
    }
}
