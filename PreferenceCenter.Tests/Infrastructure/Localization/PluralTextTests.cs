using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Infrastructure.Localization;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Tests.Infrastructure.Localization;

/// <summary>Real sentences from the resources, as a reader of each language sees them.</summary>
public sealed class PluralTextTests
{
    private static string Say(string culture, string key, long count, params object[] more)
    {
        var language = new CultureInfo(culture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (language, language);
        using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        return services.GetRequiredService<IStringLocalizer<SharedResource>>().Plural(key, count, more);
    }

    [Theory]
    [InlineData("en", 1, "Overdue by 1 day")]
    [InlineData("en", 3, "Overdue by 3 days")]
    [InlineData("it", 1, "In ritardo di 1 giorno")]
    [InlineData("it", 2, "In ritardo di 2 giorni")]
    [InlineData("it", 1_000_000, "In ritardo di 1.000.000 di giorni")]
    [InlineData("es", 1, "Vencida hace 1 día")]
    [InlineData("es", 4, "Vencida hace 4 días")]
    [InlineData("es", 1_000_000, "Vencida hace 1.000.000 de días")]
    public void Plural_PicksTheFormForTheCount(string culture, long count, string expected) =>
        Assert.Equal(expected, Say(culture, "Erasure.Queue.Overdue", count));

    [Theory]
    [InlineData("en", 1, "Within 1 month of your request")]
    [InlineData("en", 2, "Within 2 months of your request")]
    [InlineData("it", 1, "Entro 1 mese dalla tua richiesta")]
    [InlineData("it", 3, "Entro 3 mesi dalla tua richiesta")]
    [InlineData("es", 1, "En un plazo de 1 mes desde tu solicitud")]
    [InlineData("es", 3, "En un plazo de 3 meses desde tu solicitud")]
    public void Plural_TheErasureDeadline_ReadsRight(string culture, long count, string expected) =>
        Assert.StartsWith(expected, Say(culture, "Erasure.When.Text", count), StringComparison.Ordinal);

    [Fact]
    public void Plural_KeepsTheOtherArgumentsInPlace() =>
        Assert.StartsWith("You asked to receive News by email. It starts only once you confirm with the button below; the link works for 1 day.",
            Say("en", "Lifecycle.Mail.Confirm.Intro", 1, "News by email"), StringComparison.Ordinal);

    [Theory]
    [InlineData("en")]
    [InlineData("it")]
    [InlineData("es")]
    public void Plural_NoSentenceReadsWithBracketsOrSlashes(string culture)
    {
        foreach (var count in new long[] { 0, 1, 2, 5, 1_000_000 })
        {
            Assert.DoesNotMatch(@"\(s\)|\(es\)|/i\b|/e\b", Say(culture, "Erasure.When.Text", count));
        }
    }
}
