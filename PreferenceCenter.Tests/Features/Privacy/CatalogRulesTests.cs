using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Tests.Features.Privacy;

public sealed class CatalogRulesTests
{
    private static readonly CatalogDocument Valid = CatalogSamples.Valid();

    [Fact]
    public void Check_AValidCatalog_HasNoProblems() => Assert.Empty(CatalogRules.Check(Valid));

    public static TheoryData<string, CatalogDocument, string> Broken => new()
    {
        { "no purposes", Valid with { Purposes = [] }, "The catalog has no purposes." },
        { "no English notice", Valid with { Notice = new Dictionary<string, CatalogDocument.NoticeEntry> { ["it"] = new("Informativa", "Testo.") } },
            "The notice has no full legal text in 'en', the language every reader falls back to." },
        { "unknown language", Valid with { Notice = new Dictionary<string, CatalogDocument.NoticeEntry> { ["en"] = new("N", "T"), ["fr"] = new("N", "T") } },
            "'fr' is not a language the app offers (en, it, es)." },
        { "consent on no channel", Valid with { Purposes = [CatalogSamples.Marketing() with { Channels = [] }] },
            "Purpose 'marketing' asks for consent but is offered on no channel, so it could never be given." },
        { "undefined recipient", Valid with { Purposes = [CatalogSamples.SharingWith("acme")] },
            "Purpose 'sharing-northwind' names recipient 'acme', which the catalog does not define." },
        { "sharing with no one named", Valid with { Purposes = [CatalogSamples.SharingWith("northwind") with { Recipient = null }] },
            "Purpose 'sharing-northwind' shares data but names no recipient: sharing is always with someone named." },
        { "validity out of range", Valid with { Purposes = [CatalogSamples.Marketing(validityMonths: 0)] },
            "Purpose 'marketing' lasts 0 months; between 1 and 120, or leave it out for no expiry." },
        { "duplicate key", Valid with { Purposes = [CatalogSamples.Marketing(), CatalogSamples.Marketing()] },
            "The purpose key 'marketing' is used 2 times." },
        { "no English purpose text", Valid with { Purposes = [CatalogSamples.Marketing() with { Texts = new Dictionary<string, CatalogDocument.PurposeTextEntry> { ["it"] = new("Marketing", "Offerte.", "Nome.", "24 mesi.") } }] },
            "Purpose 'marketing' has no 'en' text, the language every reader falls back to." },
        { "summary too long", Valid with { Purposes = [CatalogSamples.Marketing() with { Texts = new Dictionary<string, CatalogDocument.PurposeTextEntry> { ["en"] = new("Marketing", new string('x', 401), "Name.", "24 months.") } }] },
            "Purpose 'marketing' in 'en': the summary is 401 characters; at most 400." },
        { "first layer too long", Valid with { Purposes = [CatalogSamples.Marketing() with { Texts = new Dictionary<string, CatalogDocument.PurposeTextEntry> { ["en"] = new("Marketing", string.Join(' ', Enumerable.Repeat("w", 199)), "Name.", "24 months.") } }, CatalogSamples.SharingWith("northwind") with { Texts = new Dictionary<string, CatalogDocument.PurposeTextEntry> { ["en"] = new("Sharing", string.Join(' ', Enumerable.Repeat("w", 60)), "Name.", "12 months.") } }] },
            "The first layer in 'en' is 261 words; at most 250, so it reads in about a minute." },
        { "NUL in a recipient's name", Valid with { Recipients = [new("northwind", "North\0wind", "IT", null)] },
            "Recipient 'northwind' has a control character (such as NUL) in its name: remove it." },
        { "NUL in a recipient's key, printed without it", Valid with { Recipients = [new("north\0wind", "Northwind", "IT", null)], Purposes = [CatalogSamples.Marketing()] },
            "Recipient 'north\uFFFDwind' has a control character (such as NUL) in its key: remove it." },
        { "escape in the notice's title", Valid with { Notice = new Dictionary<string, CatalogDocument.NoticeEntry> { ["en"] = new("Notice\u001b[2J", "Text.") } },
            "The notice in 'en' has a control character (such as NUL) in its title or legal text: remove it." },
        { "NUL in a purpose's summary", Valid with { Purposes = [CatalogSamples.Marketing() with { Texts = new Dictionary<string, CatalogDocument.PurposeTextEntry> { ["en"] = new("Marketing", "Offers\0.", "Name.", "24 months.") } }] },
            "Purpose 'marketing' in 'en' has a control character (such as NUL) in its texts: remove it." },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Check_NamesExactlyWhatIsWrong(string because, CatalogDocument catalog, string problem) =>
        Assert.True(CatalogRules.Check(catalog).Contains(problem), $"{because}: got [{string.Join(" | ", CatalogRules.Check(catalog))}]");

    [Fact]
    public void Check_LineBreaksInTheLegalTextAndTheLongerPurposeFields_AreNoProblem()
    {
        var catalog = Valid with
        {
            Notice = new Dictionary<string, CatalogDocument.NoticeEntry> { ["en"] = new("Notice", "Who we are.\r\n\tWhat we do.") },
            Purposes = [CatalogSamples.Marketing() with { Texts = new Dictionary<string, CatalogDocument.PurposeTextEntry> { ["en"] = new("Marketing", "Offers.", "Name,\nemail.", "24 months.") } }],
        };

        Assert.Empty(CatalogRules.Check(catalog));
    }

    [Fact]
    public void Check_ListsEveryProblemAtOnce()
    {
        var catalog = Valid with { Purposes = [CatalogSamples.Marketing(validityMonths: 500) with { Channels = [] }] };

        Assert.Equal(2, CatalogRules.Check(catalog).Count);
    }

    [Fact]
    public void Check_APurposeNotBasedOnConsent_NeedsNoChannel() =>
        Assert.Empty(CatalogRules.Check(Valid with { Purposes = [CatalogSamples.Marketing() with { LegalBasis = LegalBasis.Contract, Channels = [] }] }));
}
