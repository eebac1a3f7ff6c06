using PreferenceCenter.Features.Preferences;
using PreferenceCenter.Features.Preferences.Questionnaire;

namespace PreferenceCenter.Tests.Features.Preferences.Questionnaire;

public sealed class AnswerRulesTests
{
    private static Question Choice(QuestionType type, params string[] keys) => new()
    {
        Key = "q", Type = type,
        Options = [.. keys.Select((k, i) => new QuestionOption { Key = k, SortOrder = i + 1 })],
    };

    private static readonly Question Text = new() { Key = "t", Type = QuestionType.FreeText, MaxLength = 20 };

    [Theory]
    [InlineData(QuestionType.SingleChoice, new[] { "milan" }, null)]
    [InlineData(QuestionType.SingleChoice, new string[0], PreferenceProblem.ChoiceRequired)]
    [InlineData(QuestionType.SingleChoice, new[] { "milan", "madrid" }, PreferenceProblem.OneChoiceOnly)]
    [InlineData(QuestionType.SingleChoice, new[] { "paris" }, PreferenceProblem.ChoiceNotInQuestion)]
    [InlineData(QuestionType.MultipleChoice, new[] { "milan", "online" }, null)]
    [InlineData(QuestionType.MultipleChoice, new[] { "milan", "<script>" }, PreferenceProblem.ChoiceNotInQuestion)]
    [InlineData(QuestionType.MultipleChoice, new string[0], PreferenceProblem.ChoiceRequired)]
    public void Check_Choices_MustBelongToTheQuestion(QuestionType type, string[] chosen, PreferenceProblem? expected) =>
        Assert.Equal(expected, AnswerRules.Check(Choice(type, "milan", "madrid", "online"), new AnswerInput(chosen), out _));

    [Fact]
    public void Check_MultipleChoice_StoresTheChoicesOnceInTheQuestionsOrder()
    {
        Assert.Null(AnswerRules.Check(Choice(QuestionType.MultipleChoice, "milan", "madrid", "online"), AnswerInput.Choose("online", "milan", "online"), out var stored));

        Assert.Equal(["milan", "online"], stored.Choices);
    }

    [Theory]
    [InlineData("Vintage bikes", null)]
    [InlineData("   ", PreferenceProblem.TextRequired)]
    [InlineData(null, PreferenceProblem.TextRequired)]
    [InlineData("exactly twenty chars", null)]
    [InlineData("twenty-one characters", PreferenceProblem.TextTooLong)]
    [InlineData("<b>bold</b>", PreferenceProblem.TextHasMarkup)]
    [InlineData("a < b and 3 > 2", null)]
    public void Check_FreeText_IsBoundedAndPlain(string? text, PreferenceProblem? expected) =>
        Assert.Equal(expected, AnswerRules.Check(Text, AnswerInput.Write(text), out _));

    [Fact]
    public void Check_FreeText_IsStoredTrimmed()
    {
        Assert.Null(AnswerRules.Check(Text, AnswerInput.Write("  bikes  "), out var stored));

        Assert.Equal("bikes", stored.Text);
    }

    [Fact]
    public void Check_ARetiredQuestion_TakesNoNewAnswers()
    {
        var retired = Choice(QuestionType.SingleChoice, "milan");
        retired.RetiredAt = DateTimeOffset.UnixEpoch;

        Assert.Equal(PreferenceProblem.QuestionRetired, AnswerRules.Check(retired, AnswerInput.Choose("milan"), out _));
    }
}
