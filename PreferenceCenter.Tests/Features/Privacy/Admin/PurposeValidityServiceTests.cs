using System.Globalization;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy.Admin;
using PreferenceCenter.Tests.Features.Consents.Lifecycle;

namespace PreferenceCenter.Tests.Features.Privacy.Admin;

public sealed class PurposeValidityServiceTests
{
    private static readonly Actor Officer = Actor.Staff("officer-user-id");

    [Fact]
    public async Task List_ShowsEachConsentPurposeWithItsMonths_TheCatalogsDefaults()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();

        var list = await fixture.Get<PurposeValidityService>().ListAsync(CultureInfo.GetCultureInfo("en"));

        Assert.Equal([new PurposeValidity("marketing", "Marketing", 24), new PurposeValidity("profiling", "Profiling", 12)], list);
    }

    [Fact]
    public async Task Set_ChangesTheValidity_RecordsTheOfficer_AndNewConsentsLastThatLong()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();

        var outcome = await fixture.Get<PurposeValidityService>().SetAsync("profiling", 6, Officer);

        Assert.Equal(ValiditySaveOutcome.Saved, outcome);
        var entry = Assert.Single(await fixture.EntriesAsync(LedgerEventType.PurposeValidityChanged));
        Assert.Equal((ActorKind.Staff, "officer-user-id", "profiling", "12", "6", (Guid?)null),
            (entry.ActorKind, entry.ActorId, entry.PurposeKey, entry.Before, entry.After, entry.SubjectId));
        var granted = await fixture.SetAsync("profiling", Channel.Email, grant: true);
        Assert.Equal(LifecycleFixture.Now.AddMonths(6), granted.Current!.ExpiresAt);
    }

    [Fact]
    public async Task Set_ToNoExpiry_IsRecordedAsNone()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();

        Assert.Equal(ValiditySaveOutcome.Saved, await fixture.Get<PurposeValidityService>().SetAsync("marketing", null, Officer));

        Assert.Equal("none", Assert.Single(await fixture.EntriesAsync(LedgerEventType.PurposeValidityChanged)).After);
        Assert.Null((await fixture.SetAsync("marketing", Channel.Sms, grant: true)).Current!.ExpiresAt);
    }

    [Theory]
    [InlineData("profiling", 0, ValiditySaveOutcome.OutOfBounds)]
    [InlineData("profiling", 121, ValiditySaveOutcome.OutOfBounds)]
    [InlineData("profiling", 12, ValiditySaveOutcome.Unchanged)]
    [InlineData("service", 12, ValiditySaveOutcome.UnknownPurpose)]
    [InlineData("nothing", 12, ValiditySaveOutcome.UnknownPurpose)]
    public async Task Set_RefusedOrUnchanged_WritesNothing(string purpose, int months, ValiditySaveOutcome expected)
    {
        await using var fixture = await LifecycleFixture.CreateAsync();

        Assert.Equal(expected, await fixture.Get<PurposeValidityService>().SetAsync(purpose, months, Officer));

        Assert.Empty(await fixture.EntriesAsync(LedgerEventType.PurposeValidityChanged));
    }

    [Fact]
    public async Task Set_ByACustomer_IsNotAllowed()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();

        Assert.Equal(ValiditySaveOutcome.NotAllowed, await fixture.Get<PurposeValidityService>().SetAsync("profiling", 6, Actor.Customer(fixture.CustomerId)));
    }
}
