using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.History;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Features.Preferences.Admin;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Features.Support;
using PreferenceCenter.Tests.Features.Preferences;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Support;

public sealed class SupportConsoleServiceTests : IAsyncLifetime
{
    private static readonly Uri HistoryLink = new("https://prefs.example/history");
    private static readonly OnBehalfRequest ByPhone = new(RequestChannel.Phone, "Customer asked to stop marketing texts");

    private SupportFixture fixture = default!;

    public async Task InitializeAsync() => fixture = await SupportFixture.CreateAsync();

    public async Task DisposeAsync() => await fixture.DisposeAsync();

    [Theory]
    [InlineData(SupportFixture.MarioEmail, "email")]
    [InlineData("MARIO.ROSSI@example.com", "email")]
    [InlineData("0039 333 123-4512", "phone")]
    public async Task Search_ByAFullIdentifier_FindsTheCustomerMaskedAndRecordsTheLookup(string typed, string kind)
    {
        var result = await fixture.Console.SearchAsync(SupportFixture.Staff(), typed);

        Assert.Null(result.Problem);
        Assert.Equal(new SupportCustomerSummary(fixture.Mario, fixture.MarioReference, CustomerStatus.Active, "m•••@e•••.com", "+39 ••• ••• •12"), result.Customer);
        var entry = Assert.Single(await fixture.LedgerAsync());
        Assert.Equal((LedgerEventType.CustomerLookedUp, ActorKind.Staff, SupportFixture.AgentUserId, fixture.Mario, ChangeSource.Support, kind),
            (entry.EventType, entry.ActorKind, entry.ActorId, entry.SubjectId, entry.Source, entry.Detail));
        Assert.Equal(SupportFixture.Now, entry.OccurredAt);
    }

    [Fact]
    public async Task Search_ByReference_FindsTheCustomer()
    {
        var result = await fixture.Console.SearchAsync(SupportFixture.Staff(Roles.PrivacyOfficer), fixture.MarioReference.ToLowerInvariant());

        Assert.Equal(fixture.Mario, result.Customer?.Id);
        Assert.Equal("reference", Assert.Single(await fixture.LedgerAsync()).Detail);
    }

    [Theory]
    [InlineData("mario.rossi@", SupportProblem.PartialIdentifier)]
    [InlineData("m*", SupportProblem.Wildcard)]
    [InlineData("", SupportProblem.EmptySearch)]
    [InlineData("nobody@example.com", SupportProblem.NotFound)]
    [InlineData("+39 333 999 9999", SupportProblem.NotFound)]
    public async Task Search_WithoutAMatchingFullIdentifier_IsRefusedAndWritesNothing(string typed, SupportProblem expected)
    {
        var result = await fixture.Console.SearchAsync(SupportFixture.Staff(), typed);

        Assert.Equal(SupportSearchResult.Refused(expected), result);
        Assert.Empty(await fixture.LedgerAsync());
    }

    [Fact]
    public async Task SetConsent_OnBehalf_RecordsTheAgentTheChannelAndTheReasonAndEmailsTheCustomerInTheirLanguage()
    {
        await fixture.Consents.SetAsync(new ConsentChange(fixture.Mario, "marketing", Channel.Sms, true, 0, Actor.Customer(fixture.Mario), ChangeSource.Web));

        var result = await fixture.Console.SetConsentAsync(
            SupportFixture.Staff(), fixture.Mario, ByPhone, new ConsentToggle("marketing", Channel.Sms, false, 1), HistoryLink);

        Assert.Equal(ConsentChangeOutcome.Saved, result.Change?.Outcome);
        var entry = (await fixture.LedgerAsync())[^1];
        Assert.Equal(
            (LedgerEventType.ConsentWithdrawn, ActorKind.Staff, SupportFixture.AgentUserId, fixture.Mario, ChangeSource.Support, "phone", "Customer asked to stop marketing texts"),
            (entry.EventType, entry.ActorKind, entry.ActorId, entry.SubjectId, entry.Source, entry.RequestChannel, await fixture.OpenAsync(fixture.Mario, entry.Reason)));
        Assert.Equal(("marketing", Channel.Sms, ConsentRules.On, ConsentRules.Off), (entry.PurposeKey, entry.Channel, entry.Before, entry.After));

        using var mail = await MailPickup.SingleMessageToAsync(fixture.PickupDirectory, SupportFixture.MarioEmail);
        Assert.Equal("Abbiamo modificato le tue preferenze su tua richiesta", mail.Subject);
        Assert.Equal("Il nostro supporto ha disattivato Marketing via SMS su tua richiesta per telefono — 23 nov 2026, 10:14 UTC. Se non l'hai chiesto tu, rispondi a questa email e rimedieremo.", mail.TextBody!.Split('\n')[0]);
        Assert.Equal(HistoryLink, MailPickup.LinkTo(mail, "/history"));
    }

    public static TheoryData<OnBehalfRequest, SupportProblem> BadRequests => new()
    {
        { new OnBehalfRequest(RequestChannel.Phone, " "), SupportProblem.MissingReason },
        { new OnBehalfRequest(null, "Asked by phone"), SupportProblem.MissingChannel },
        { new OnBehalfRequest((RequestChannel)42, "Asked by phone"), SupportProblem.UnknownChannel },
        { new OnBehalfRequest(RequestChannel.Email, new string('x', LedgerEntry.ReasonMaxLength + 1)), SupportProblem.ReasonTooLong },
        { new OnBehalfRequest(RequestChannel.Phone, "Asked by phone\0"), SupportProblem.ReasonHasControlCharacter },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task SetConsent_WithoutAValidChannelAndReason_IsRefusedAndWritesNothing(OnBehalfRequest request, SupportProblem expected)
    {
        var result = await fixture.Console.SetConsentAsync(
            SupportFixture.Staff(), fixture.Mario, request, new ConsentToggle("marketing", Channel.Sms, true, 0), HistoryLink);

        Assert.Equal(OnBehalfResult.Refused(expected), result);
        Assert.Empty(await fixture.LedgerAsync());
        Assert.False(Directory.Exists(fixture.PickupDirectory));
    }

    [Fact]
    public async Task SetConsent_ForAnErasedCustomer_IsRefusedAndWritesNothing()
    {
        await fixture.EraseAsync(fixture.Mario);

        var result = await fixture.Console.SetConsentAsync(
            SupportFixture.Staff(), fixture.Mario, ByPhone, new ConsentToggle("marketing", Channel.Sms, true, 0), HistoryLink);

        Assert.Equal(OnBehalfResult.Refused(SupportProblem.CustomerErased), result);
        Assert.Empty(await fixture.LedgerAsync());
        Assert.Equal(RevealResult.Refused(SupportProblem.CustomerErased),
            await fixture.Console.RevealAsync(SupportFixture.Staff(), fixture.Mario, PersonalDataKind.Email, "Customer asked us to read it back"));
        Assert.Empty(await fixture.LedgerAsync());
    }

    [Fact]
    public async Task Reveal_WithAJustification_ShowsTheValueAndRecordsWhoReadWhatAndWhy()
    {
        var result = await fixture.Console.RevealAsync(SupportFixture.Staff(), fixture.Mario, PersonalDataKind.Phone, "  Customer asked which number we hold ");

        Assert.Equal(RevealResult.Shown(SupportFixture.MarioPhone), result);
        var entry = Assert.Single(await fixture.LedgerAsync());
        Assert.Equal(
            (LedgerEventType.PersonalDataRevealed, ActorKind.Staff, SupportFixture.AgentUserId, fixture.Mario, ChangeSource.Support, "phone", "Customer asked which number we hold"),
            (entry.EventType, entry.ActorKind, entry.ActorId, entry.SubjectId, entry.Source, entry.Detail, await fixture.OpenAsync(fixture.Mario, entry.Reason)));
        Assert.DoesNotContain("333", entry.Reason + entry.Detail + entry.Before + entry.After, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, PersonalDataKind.Email, SupportProblem.MissingJustification)]
    [InlineData("  ", PersonalDataKind.Email, SupportProblem.MissingJustification)]
    [InlineData("Caller asked\u0000 which address", PersonalDataKind.Email, SupportProblem.JustificationHasControlCharacter)]
    [InlineData("Checking the number with the caller", PersonalDataKind.Phone, SupportProblem.NothingOnFile)]
    public async Task Reveal_WithoutJustificationOrValue_ShowsNothingAndRecordsNothing(string? justification, PersonalDataKind kind, SupportProblem expected)
    {
        var result = await fixture.Console.RevealAsync(SupportFixture.Staff(), fixture.Ana, kind, justification);

        Assert.Equal(RevealResult.Refused(expected), result);
        Assert.Empty(await fixture.LedgerAsync());
    }

    [Fact]
    public async Task GetDetails_ShowsTheAnswerButMasksItsFreeText()
    {
        var questions = fixture.Services.GetRequiredService<QuestionAdminService>();
        var saved = await questions.SaveAsync(QuestionSamples.FreeText(), PreferenceFixture.Officer);
        var answers = fixture.Services.GetRequiredService<AnswerService>();
        await answers.AnswerAsync(fixture.Mario, saved.Id!.Value, AnswerInput.Write("I live at Via Roma 1"), 0, Actor.Customer(fixture.Mario), ChangeSource.Web);

        var details = await fixture.Console.GetDetailsAsync(SupportFixture.Staff(), fixture.Mario, CultureInfo.GetCultureInfo("en"));

        var answer = Assert.Single(details.Answers);
        Assert.Equal(PersonalDataMasker.Hidden, answer.MaskedText);
        Assert.Equal(SupportFixture.Now, answer.AnsweredAt);
    }

    [Fact]
    public async Task GetDetails_RecordsTheReadOncePerVisit_AndTheCustomerSeesIt()
    {
        var staff = SupportFixture.Staff();
        var english = CultureInfo.GetCultureInfo("en");

        await fixture.Console.GetDetailsAsync(staff, fixture.Mario, english);
        fixture.Clock.Advance(SupportReadRules.OneVisit - TimeSpan.FromSeconds(1));
        await fixture.Console.GetDetailsAsync(staff, fixture.Mario, english);
        var firstVisit = Assert.Single(await fixture.LedgerAsync());
        Assert.Equal((LedgerEventType.CustomerRecordViewed, ActorKind.Staff, SupportFixture.AgentUserId, fixture.Mario, ChangeSource.Support, SupportFixture.Now),
            (firstVisit.EventType, firstVisit.ActorKind, firstVisit.ActorId, firstVisit.SubjectId, firstVisit.Source, firstVisit.OccurredAt));

        // Another agent's read, and the same agent's read after the visit, are entries of their own.
        await fixture.Console.GetDetailsAsync(SupportFixture.Staff(userId: "other-agent"), fixture.Mario, english);
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        var details = await fixture.Console.GetDetailsAsync(staff, fixture.Mario, english);

        Assert.Equal([SupportFixture.AgentUserId, "other-agent", SupportFixture.AgentUserId],
            (await fixture.LedgerAsync()).Where(e => e.EventType == LedgerEventType.CustomerRecordViewed).Select(e => e.ActorId));
        Assert.DoesNotContain(await fixture.LedgerAsync(), e => e.SubjectId == fixture.Ana);
        var describer = fixture.Services.GetRequiredService<HistoryDescriber>();
        CultureInfo.CurrentUICulture = english;
        Assert.Equal("Our support team looked at your preferences", describer.Describe(details.History.Items[0], HistoryVocabulary.Empty));
    }

    [Fact]
    public async Task AReasonTypedForTheCustomer_IsStoredSealed_ReadInTheirHistory_AndGoneWithTheirKey()
    {
        await fixture.Console.SetConsentAsync(SupportFixture.Staff(), fixture.Mario, ByPhone, new ConsentToggle("marketing", Channel.Sms, true, 0), HistoryLink);
        var history = fixture.Services.GetRequiredService<HistoryService>();
        var stored = (await fixture.LedgerAsync())[^1];

        Assert.DoesNotContain("marketing texts", stored.Reason, StringComparison.Ordinal);
        Assert.Equal(ByPhone.Reason, (await history.GetPageAsync(fixture.Mario, 1)).Items[0].Reason);

        Assert.True(await fixture.Database.KeyStore.DestroyAsync(fixture.Mario));

        Assert.Null((await history.GetPageAsync(fixture.Mario, 1)).Items[0].Reason);
        var verification = await new LedgerVerifier(fixture.Database).VerifyAsync();
        Assert.True(verification.IsIntact, verification.Problem);
    }
}
