using PreferenceCenter.Features.Preferences.Admin;
using PreferenceCenter.Features.Preferences.Questionnaire;

namespace PreferenceCenter.Tests.Features.Preferences.Admin;

public sealed class QuestionRulesTests
{
    private static readonly HashSet<string> Purposes = ["marketing", "profiling"];

    private static IReadOnlyList<QuestionProblem> Check(QuestionForm form, AnsweredQuestion? answered = null) =>
        QuestionRules.Check(form, Purposes, answered);

    [Fact]
    public void Check_ACompleteQuestion_HasNoProblems()
    {
        Assert.Empty(Check(QuestionSamples.SingleChoice()));
        Assert.Empty(Check(QuestionSamples.MultipleChoice()));
        Assert.Empty(Check(QuestionSamples.FreeText()));
    }

    [Fact]
    public void Check_WithoutAPurpose_IsRefusedAtThePurposeField()
    {
        var form = QuestionSamples.SingleChoice();
        form.PurposeKey = null;

        Assert.Equal([new QuestionProblem("Purpose", QuestionProblemCode.Required)], Check(form));
    }

    [Fact]
    public void Check_WithoutWhyWeAskInOneLanguage_NamesThatLanguagesField()
    {
        var form = QuestionSamples.SingleChoice();
        form.Wording["es"].WhyWeAsk = "  ";

        Assert.Equal([new QuestionProblem("WhyWeAsk.es", QuestionProblemCode.Required)], Check(form));
    }

    [Fact]
    public void Check_ANulInAnyText_IsRefusedAtThatField_ALineBreakIsNot()
    {
        var form = QuestionSamples.SingleChoice();
        form.Wording["it"].Prompt = "Come\0 ci conosci?";
        form.Wording["en"].WhyWeAsk = "So we know.\nThat is all.";
        form.Options[0].Labels["es"] = "Radio\u0001";

        Assert.Equal(
            [new QuestionProblem("Prompt.it", QuestionProblemCode.ControlCharacter), new QuestionProblem("Option.0.es", QuestionProblemCode.ControlCharacter)],
            Check(form));
    }

    [Fact]
    public void Check_ReportsEveryProblemAtOnce()
    {
        var form = new QuestionForm { Type = QuestionType.SingleChoice, PurposeKey = "nope" };
        form.AddOption().Labels["en"] = "<i>Only</i>";

        var fields = Check(form).Select(p => $"{p.Field}:{p.Code}").ToList();

        Assert.Contains("Purpose:UnknownPurpose", fields);
        Assert.Contains("Prompt.en:Required", fields);
        Assert.Contains("WhyWeAsk.it:Required", fields);
        Assert.Contains("Options:TooFewOptions", fields);
        Assert.Contains("Option.0.en:HasMarkup", fields);
        Assert.Contains("Option.0.it:Required", fields);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    [InlineData(null)]
    public void Check_FreeTextLimit_IsBetweenOneAnd500(int? maxLength)
    {
        var form = QuestionSamples.FreeText(maxLength: 10);
        form.MaxLength = maxLength;

        Assert.Equal([new QuestionProblem("MaxLength", QuestionProblemCode.MaxLengthOutOfRange, 500)], Check(form));
    }

    [Fact]
    public void Check_TooLongAndDuplicateTexts_AreRefused()
    {
        var form = QuestionSamples.SingleChoice();
        form.Wording["it"].Prompt = new string('x', Question.PromptMaxLength + 1);
        form.Options[1].Labels["en"] = form.Options[0].Labels["en"]!.ToUpperInvariant();

        Assert.Equal(
            [new QuestionProblem("Prompt.it", QuestionProblemCode.TooLong, Question.PromptMaxLength), new QuestionProblem("Option.1.en", QuestionProblemCode.DuplicateOption)],
            Check(form));
    }

    [Fact]
    public void Check_AnAnsweredQuestion_KeepsItsPurposeTypeAndChosenOptions()
    {
        var form = QuestionSamples.SingleChoice();
        form.Options[0].Key = "milan";
        form.Options[1].Key = "madrid";
        form.PurposeKey = "marketing";
        form.Type = QuestionType.MultipleChoice;

        var problems = Check(form, new AnsweredQuestion("profiling", QuestionType.SingleChoice, new HashSet<string> { "online" }));

        Assert.Equal(
            [
                new QuestionProblem("Purpose", QuestionProblemCode.PurposeLockedByAnswers),
                new QuestionProblem("Type", QuestionProblemCode.TypeLockedByAnswers),
                new QuestionProblem("Options", QuestionProblemCode.OptionInUse),
            ],
            problems);
    }
}
