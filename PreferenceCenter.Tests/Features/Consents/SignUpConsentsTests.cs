using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Tests.Features.Consents;

public sealed class SignUpConsentsTests
{
    [Fact]
    public async Task Record_WritesWhatWasTickedAsCapturedAtSignUp_UnderTheNoticeVersion_AndIgnoresWhatTheFormDidNotOffer()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        var notice = (await new PrivacyNoticeService(fixture.Database).GetCurrentAsync(CultureInfo.GetCultureInfo("en")))!;
        var offered = SignUpConsents.Offered(notice);
        Assert.All(offered, p => Assert.True(p.AsksForConsent));
        var ticked = offered.First(p => p.Kind != PurposeKind.Marketing).Key;

        var recorded = await new SignUpConsents(fixture.Service).RecordAsync(fixture.CustomerId, notice, [ticked, "no-such-purpose", ticked]);

        Assert.Equal(1, recorded);
        await using var db = fixture.Database.CreateDbContext();
        var entry = await db.LedgerEntries.SingleAsync();
        Assert.Equal((LedgerEventType.ConsentGranted, ChangeSource.Registration, ticked, Channel.Email, notice.Number),
            (entry.EventType, entry.Source, entry.PurposeKey, entry.Channel, entry.NoticeVersion));
    }
}
