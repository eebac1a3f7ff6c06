using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Features.Preferences.Admin;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Infrastructure.Localization;
using PreferenceCenter.Resources;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Preferences.Admin;

/// <summary>The admin screens build some keys from enum values; every value needs its text in every language.</summary>
public sealed class QuestionAdminTextsTests : ComponentTestBase
{
    private IStringLocalizer<SharedResource> T => Services.GetRequiredService<IStringLocalizer<SharedResource>>();

    public static TheoryData<string> Languages => [.. SupportedCultures.Names];

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryEnumDrivenKey_HasAText(string culture)
    {
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
        var keys = Enum.GetValues<QuestionProblemCode>().Select(c => $"QuestionProblem.{c}")
            .Concat(Enum.GetValues<QuestionType>().Select(t => $"QuestionType.{t}"))
            .Concat(FeedbackPeriods.All.Select(p => $"Admin.Feedback.{p}"));

        Assert.All(keys, key => Assert.False(T[key].ResourceNotFound, $"{key} has no {culture} text."));
    }

    [Fact]
    public void Describe_FillsInTheLimit()
    {
        Assert.Equal("Too long: at most 200 characters.", T.Describe(new QuestionProblem(QuestionFields.Prompt("en"), QuestionProblemCode.TooLong, 200)));
    }

    [Fact]
    public void DescribeField_JoinsEveryProblemOfThatFieldOnly()
    {
        QuestionProblem[] problems =
        [
            new(QuestionFields.Purpose, QuestionProblemCode.UnknownPurpose),
            new(QuestionFields.Purpose, QuestionProblemCode.PurposeLockedByAnswers),
            new(QuestionFields.Type, QuestionProblemCode.TypeLockedByAnswers),
        ];

        Assert.StartsWith("Choose one of the purposes of the published privacy notice. Customers have answered",
            T.DescribeField(problems, QuestionFields.Purpose), StringComparison.Ordinal);
        Assert.Null(T.DescribeField(problems, QuestionFields.MaxLength));
    }

    [Theory]
    [InlineData(QuestionFields.Type, "Type of answer")]
    [InlineData(QuestionFields.Purpose, "Purpose it serves (required)")]
    [InlineData(QuestionFields.MaxLength, "Longest answer, in characters (1 to 500)")]
    [InlineData(QuestionFields.Options, "Options")]
    [InlineData("Prompt.it", "Question (Italiano)")]
    [InlineData("WhyWeAsk.es", "Why we ask (Español)")]
    [InlineData("Option.1.en", "Option 2 (English)")]
    [InlineData(QuestionFields.Question, null)]
    public void FieldLabel_NamesEachFieldAsTheFormLabelsIt(string field, string? label)
    {
        Assert.Equal(label, T.FieldLabel(field));
    }
}
