using PreferenceCenter.Features.Preferences.Admin;
using PreferenceCenter.Features.Preferences.Questionnaire;

namespace PreferenceCenter.Tests.Features.Preferences.Admin;

public sealed class QuestionFormEditingTests
{
    private static QuestionForm WithOptions(params string[] labels)
    {
        var form = new QuestionForm();
        foreach (var label in labels)
        {
            form.AddOption().Labels["en"] = label;
        }

        return form;
    }

    private static List<string?> Labels(QuestionForm form) => [.. form.Options.Select(o => o.Labels["en"])];

    [Fact]
    public void MoveOption_SwapsWithItsNeighbour()
    {
        var form = WithOptions("A", "B", "C");

        Assert.True(form.MoveOption(2, up: true));
        Assert.Equal<string?>(["A", "C", "B"], Labels(form));
        Assert.True(form.MoveOption(0, up: false));
        Assert.Equal<string?>(["C", "A", "B"], Labels(form));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(2, false)]
    [InlineData(5, true)]
    [InlineData(-1, false)]
    public void MoveOption_PastEitherEndOrOutOfRange_ChangesNothing(int index, bool up)
    {
        var form = WithOptions("A", "B", "C");

        Assert.False(form.MoveOption(index, up));
        Assert.Equal<string?>(["A", "B", "C"], Labels(form));
    }

    [Fact]
    public void RemoveOption_TakesOnlyThatOption()
    {
        var form = WithOptions("A", "B", "C");

        Assert.True(form.RemoveOption(1));
        Assert.False(form.RemoveOption(2));
        Assert.Equal<string?>(["A", "C"], Labels(form));
    }

    [Fact]
    public void OptionFieldNames_ReadBackToTheirOptionAndLanguage()
    {
        Assert.True(QuestionFields.TryParseOption(QuestionFields.Option(12, "it"), out var index, out var culture));
        Assert.Equal((12, "it"), (index, culture));
        Assert.False(QuestionFields.TryParseOption(QuestionFields.Prompt("it"), out _, out _));
        Assert.False(QuestionFields.TryParseOption("Option.x.it", out _, out _));
        Assert.False(QuestionFields.TryParseOption(QuestionFields.Options, out _, out _));
    }

    [Fact]
    public void FieldIds_AreValidHtmlIdsDerivedFromTheField()
    {
        Assert.Equal("question-Option-2-es", QuestionFieldIds.Input(QuestionFields.Option(2, "es")));
        Assert.Equal("question-WhyWeAsk-it-problem", QuestionFieldIds.Problem(QuestionFields.WhyWeAsk("it")));
    }

    [Theory]
    [InlineData(null, FeedbackPeriod.Last30Days)]
    [InlineData("90d", FeedbackPeriod.Last90Days)]
    [InlineData("12M", FeedbackPeriod.Last12Months)]
    [InlineData("1", FeedbackPeriod.Last30Days)]
    public void FeedbackPeriod_ComesFromTheAddressAndDefaultsTo30Days(string? query, FeedbackPeriod expected)
    {
        Assert.Equal(expected, FeedbackPeriods.FromQuery(query));
        Assert.Equal(expected, FeedbackPeriods.FromQuery(FeedbackPeriods.QueryValue(expected)));
    }

    [Fact]
    public void FeedbackPeriods_HaveTheirLengths()
    {
        Assert.Equal([30, 90, 365], FeedbackPeriods.All.Select(p => FeedbackPeriods.Length(p).TotalDays));
    }
}
