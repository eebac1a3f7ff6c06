using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.History;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Tests.Features.History;

public sealed class HistoryDescriberTests
{
    private static readonly HistoryVocabulary Words = new(
        new Dictionary<string, string> { ["marketing"] = "Marketing" },
        new Dictionary<string, string> { ["interests"] = "What are you interested in?" });

    private static string Describe(HistoryItem item, string culture, HistoryReader reader = HistoryReader.Customer)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        return new HistoryDescriber(services.GetRequiredService<IStringLocalizer<SharedResource>>()).Describe(item, Words with { Reader = reader });
    }

    private const string SentOn3Dec = "email-of:2026-12-03T09:30:00.000Z";

    [Theory]
    [InlineData(ChangeSource.OneClickUnsubscribe, SentOn3Dec, "en", "You turned off Marketing by email from the link in our email of 3 Dec 2026")]
    [InlineData(ChangeSource.UnsubscribePage, SentOn3Dec, "it", "Hai disattivato Marketing via email dal link nella nostra email del 3 dic 2026")]
    [InlineData(ChangeSource.OneClickUnsubscribe, SentOn3Dec, "es", "Desactivaste Marketing por email desde el enlace de nuestro email del 3 dic 2026")]
    [InlineData(ChangeSource.OneClickUnsubscribe, null, "en", "You turned off Marketing by email from the link in one of our emails")]
    [InlineData(ChangeSource.EmailLink, "not a recorded moment", "en", "You turned off Marketing by email from the link in one of our emails")]
    [InlineData(ChangeSource.Web, SentOn3Dec, "en", "You turned off Marketing by email")]
    public void Describe_AChangeFromAnEmailedLink_SaysWhichEmail(ChangeSource source, string? detail, string culture, string expected) =>
        Assert.Equal(expected, Describe(Item(LedgerEventType.ConsentWithdrawn, ActorKind.Customer) with { Source = source, Detail = detail }, culture));

    [Theory]
    [InlineData(LedgerEventType.AllConsentsWithdrawn, null, null, HistoryReader.Customer, "en", "You withdrew everything at once")]
    [InlineData(LedgerEventType.WithdrawAllUndone, "0", "3", HistoryReader.Customer, "en", "You undid “withdraw everything”: 3 consents came back as they were")]
    [InlineData(LedgerEventType.WithdrawAllUndone, "1", "1", HistoryReader.Customer, "en", "You undid “withdraw everything”: 1 consent came back as it was (1 had changed meanwhile and stayed as it was)")]
    [InlineData(LedgerEventType.WithdrawAllUndone, "0", "2", HistoryReader.Customer, "it", "Hai annullato «revoca tutto»: 2 consensi sono tornati com’erano")]
    [InlineData(LedgerEventType.WithdrawAllUndone, "0", "1", HistoryReader.Staff, "es", "El cliente deshizo «retirar todo»: 1 consentimiento volvió a estar como estaba")]
    public void Describe_WithdrawEverythingAndItsUndo(LedgerEventType type, string? before, string? after, HistoryReader reader, string culture, string expected) =>
        Assert.Equal(expected, Describe(Item(type, ActorKind.Customer, null) with { PurposeKey = null, Before = before, After = after }, culture, reader));

    [Fact]
    public void Describe_APauseFromTheUnsubscribePage_SaysWhichEmail() =>
        Assert.Equal("You paused contact by email until 23 Dec 2026, 10:14 UTC from the link in our email of 3 Dec 2026", Describe(
            Item(LedgerEventType.ContactPaused, ActorKind.Customer) with { PurposeKey = null, Source = ChangeSource.UnsubscribePage, After = "2026-12-23T10:14:00.000Z", Detail = SentOn3Dec },
            "en"));

    [Theory]
    [InlineData(LedgerEventType.ConsentWithdrawn, ActorKind.Customer, null, "en", "The customer turned off Marketing by email")]
    [InlineData(LedgerEventType.ConsentWithdrawn, ActorKind.Customer, null, "it", "Il cliente ha disattivato Marketing via email")]
    [InlineData(LedgerEventType.ConsentWithdrawn, ActorKind.Customer, null, "es", "El cliente desactivó Marketing por email")]
    [InlineData(LedgerEventType.ConsentWithdrawn, ActorKind.Staff, "phone", "en", "Our support team turned off Marketing by email at the customer's request by phone")]
    [InlineData(LedgerEventType.ConsentGranted, ActorKind.Staff, "email", "it", "Il nostro supporto ha attivato Marketing via email su richiesta del cliente per email")]
    [InlineData(LedgerEventType.ConsentGranted, ActorKind.Staff, "letter", "es", "Nuestro equipo de soporte activó Marketing por email a petición del cliente por carta")]
    public void Describe_ForStaff_SpeaksOfTheCustomerInTheThirdPerson(LedgerEventType type, ActorKind actor, string? asked, string culture, string expected) =>
        Assert.Equal(expected, Describe(Item(type, actor) with { RequestChannel = asked }, culture, HistoryReader.Staff));

    [Fact]
    public void Describe_ForStaff_NeverSaysYou()
    {
        var imported = new PreferenceCenter.Features.Import.ImportedEvidence(
            "Northwind shop", DateTimeOffset.UnixEpoch, "checkout", 1, null, null, Guid.Empty, 2).ToJson();
        var details = new string?[] { null, "too-often,not-relevant", "email", "phone", "reference", "never-signed-up", "name,email", imported };
        foreach (var type in Enum.GetValues<LedgerEventType>())
        {
            foreach (var (actor, source) in Enum.GetValues<ActorKind>().SelectMany(a => new[] { (a, ChangeSource.Web), (a, ChangeSource.Import) }))
            {
                foreach (var detail in details)
                {
                    var sentence = Describe(Item(type, actor) with { Source = source, Detail = detail, After = type == LedgerEventType.PreferredLanguageChanged ? "it" : detail, ApiClientName = "newsletter system" }, "en", HistoryReader.Staff);
                    Assert.DoesNotMatch(@"(?i)\byou(r|rs)?\b", sentence);
                }
            }
        }
    }

    private static HistoryItem Item(LedgerEventType type, ActorKind actor, Channel? channel = Channel.Email) =>
        new(1, DateTimeOffset.UnixEpoch, type, actor, ChangeSource.Web, "marketing", channel, null, null, 1);

    [Theory]
    [InlineData(LedgerEventType.ConsentGranted, ActorKind.Customer, "en", "You turned on Marketing by email")]
    [InlineData(LedgerEventType.ConsentWithdrawn, ActorKind.Customer, "en", "You turned off Marketing by email")]
    [InlineData(LedgerEventType.ConsentWithdrawn, ActorKind.Staff, "en", "Our support team turned off Marketing by email at your request")]
    [InlineData(LedgerEventType.ConsentGranted, ActorKind.Customer, "it", "Hai attivato Marketing via email")]
    [InlineData(LedgerEventType.ConsentWithdrawn, ActorKind.Customer, "es", "Desactivaste Marketing por email")]
    public void Describe_SaysWhoDidWhatInPlainWords(LedgerEventType type, ActorKind actor, string culture, string expected) =>
        Assert.Equal(expected, Describe(Item(type, actor), culture));

    [Fact]
    public void Describe_Registration_NeedsNoPurpose() =>
        Assert.Equal("You created your account", Describe(Item(LedgerEventType.CustomerRegistered, ActorKind.Customer, null) with { PurposeKey = null }, "en"));

    [Fact]
    public void Describe_ALanguageChoice_NamesTheLanguageInItsOwnWords() =>
        Assert.Equal("Elegiste español como idioma", Describe(Item(LedgerEventType.PreferredLanguageChanged, ActorKind.Customer, null) with { PurposeKey = null, After = "es" }, "es"));

    [Fact]
    public void Describe_APurposeNoLongerInTheNotice_FallsBackToItsKey() =>
        Assert.Equal("You turned on retired by SMS", Describe(Item(LedgerEventType.ConsentGranted, ActorKind.Customer, Channel.Sms) with { PurposeKey = "retired" }, "en"));

    [Fact]
    public void Describe_CoversEveryActorKindForConsentEvents()
    {
        foreach (var actor in Enum.GetValues<ActorKind>())
        {
            Assert.DoesNotContain("History.", Describe(Item(LedgerEventType.ConsentGranted, actor), "en"), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(LedgerEventType.PreferenceAnswered, ActorKind.Customer, null, null, "interests", "You answered “What are you interested in?”")]
    [InlineData(LedgerEventType.PreferenceAnswerForgotten, ActorKind.Customer, null, null, "interests", "You asked us to forget your answer to “What are you interested in?”")]
    [InlineData(LedgerEventType.PreferenceAnswered, ActorKind.Customer, null, null, "retired-question", "You answered “retired-question”")]
    [InlineData(LedgerEventType.ContactFrequencyChanged, ActorKind.Customer, "as-it-happens", "weekly", null, "You chose how often we contact you by email: at most one weekly digest")]
    [InlineData(LedgerEventType.ContactPaused, ActorKind.Customer, null, "2026-12-23T10:14:00.000Z", null, "You paused contact by email until 23 Dec 2026, 10:14 UTC")]
    [InlineData(LedgerEventType.ContactPauseLifted, ActorKind.Staff, "2026-12-23T10:14:00.000Z", null, null, "Our support team lifted the pause on contact by email at your request")]
    [InlineData(LedgerEventType.FeedbackGiven, ActorKind.Customer, null, "too-often", null, "You told us: we contact you too often (about contact by email)")]
    [InlineData(LedgerEventType.FeedbackGiven, ActorKind.Customer, null, "too-often,not-relevant", "with-comment", "You told us: we contact you too often; what we send is not relevant to you; a note in your own words (about contact by email)")]
    public void Describe_PreferenceChanges_InPlainWordsWithoutTheAnswerItself(
        LedgerEventType type, ActorKind actor, string? before, string? after, string? detail, string expected) =>
        Assert.Equal(expected, Describe(Item(type, actor) with { PurposeKey = null, Before = before, After = after, Detail = detail }, "en"));

    [Theory]
    [InlineData(LedgerEventType.ProfileChanged, ActorKind.Customer, "name,phone", "en", "You changed your name, phone number")]
    [InlineData(LedgerEventType.ProfileChanged, ActorKind.Staff, "email", "it", "Il nostro servizio clienti ha modificato su tua richiesta: indirizzo email")]
    [InlineData(LedgerEventType.SignedUpWithErasedAddress, ActorKind.System, "email", "en", "This email address belonged to an account that was erased; you start afresh, with nothing turned on")]
    [InlineData(LedgerEventType.ErasureKeyDestroyed, ActorKind.Staff, "destroyed", "es", "Se destruyó la clave que protegía tus datos personales: ninguna copia puede leerse")]
    [InlineData(LedgerEventType.CustomerErased, ActorKind.System, null, "en", "You were erased")]
    public void Describe_PersonalDataEvents_NameTheFieldsNeverTheValues(LedgerEventType type, ActorKind actor, string? detail, string culture, string expected) =>
        Assert.Equal(expected, Describe(Item(type, actor, null) with { PurposeKey = null, Detail = detail }, culture));

    [Fact]
    public void Describe_ALeavingReason_NamesTheConsentAndTheReason() =>
        Assert.Equal("You told us why you unsubscribed from Marketing by email: you never signed up",
            Describe(Item(LedgerEventType.UnsubscribeFeedbackGiven, ActorKind.Customer) with { Detail = "never-signed-up" }, "en"));

    [Fact]
    public void Describe_APauseInItalian_UsesTheItalianDate() =>
        Assert.Equal("Hai messo in pausa i contatti via SMS fino al 23 dic 2026, 10:14 UTC",
            Describe(Item(LedgerEventType.ContactPaused, ActorKind.Customer, Channel.Sms) with { After = "2026-12-23T10:14:00.000Z" }, "it"));

    [Theory]
    [InlineData("en")]
    [InlineData("it")]
    [InlineData("es")]
    public void Describe_CoversEveryActorKindForPreferenceEvents(string culture)
    {
        var events = new[]
        {
            LedgerEventType.PreferenceAnswered, LedgerEventType.PreferenceAnswerForgotten, LedgerEventType.ContactFrequencyChanged,
            LedgerEventType.ContactPaused, LedgerEventType.ContactPauseLifted, LedgerEventType.FeedbackGiven,
        };
        foreach (var type in events)
        {
            foreach (var actor in Enum.GetValues<ActorKind>())
            {
                var sentence = Describe(Item(type, actor) with { After = "monthly", Detail = "interests" }, culture);
                Assert.DoesNotContain("History.", sentence, StringComparison.Ordinal);
                Assert.DoesNotContain("Recorded change", sentence, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Describe_EveryFrequency_HasAPhraseInEveryLanguage()
    {
        foreach (var culture in new[] { "en", "it", "es" })
        {
            foreach (var frequency in Enum.GetValues<PreferenceCenter.Features.Preferences.ContactRules.ContactFrequency>())
            {
                var name = PreferenceCenter.Features.Preferences.ContactRules.ContactFrequencyNames.Of(frequency);
                var sentence = Describe(Item(LedgerEventType.ContactFrequencyChanged, ActorKind.Customer) with { After = name }, culture);
                Assert.DoesNotContain("History.", sentence, StringComparison.Ordinal);
                Assert.False(sentence.EndsWith(": " + name, StringComparison.Ordinal), sentence);
            }
        }
    }

    [Theory]
    [InlineData("en", "Your browser's Global Privacy Control signal turned off Marketing by email")]
    [InlineData("it", "Il segnale Global Privacy Control del tuo browser ha disattivato Marketing via email")]
    [InlineData("es", "La señal Global Privacy Control de tu navegador desactivó Marketing por email")]
    public void Describe_AWithdrawalByTheBrowsersSignal_SaysTheBrowserAskedNotTheCustomer(string culture, string expected) =>
        Assert.Equal(expected, Describe(Item(LedgerEventType.ConsentWithdrawn, ActorKind.Customer) with { Source = ChangeSource.GlobalPrivacyControl }, culture));

    [Fact]
    public void Describe_TheSignalAndItsOverride_InPlainWords()
    {
        Assert.Equal("Your browser asked us not to share your data with partners (Global Privacy Control); we did that",
            Describe(Item(LedgerEventType.GlobalPrivacyControlHonoured, ActorKind.Customer, null) with { PurposeKey = null, Source = ChangeSource.GlobalPrivacyControl }, "en"));
        Assert.Equal("Turning on Marketing by SMS was recorded as your own choice, over your browser's Global Privacy Control signal",
            Describe(Item(LedgerEventType.GlobalPrivacyControlOverridden, ActorKind.Customer, Channel.Sms), "en"));
    }
}
