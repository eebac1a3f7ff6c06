using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using PreferenceCenter.Features.Preferences.Questionnaire;

namespace PreferenceCenter.Tests.Features.Preferences.Questionnaire;

public sealed class QuestionnairePostTests
{
    private static QuestionnairePost Read(params (string Name, string Value)[] fields) =>
        QuestionnairePost.Read(new FormCollection(fields.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => new StringValues([.. g.Select(f => f.Value)]))));

    [Fact]
    public void Read_ASave_TakesTheQuestionEveryTickedOptionAndTheVersionShown()
    {
        var post = Read(("pressed", "save:7"), ("q7.version", "3"), ("q7.choice", "running"), ("q7.choice", "travel"), ("q8.version", "0"), ("q8.choice", "x"));

        Assert.Equal(QuestionnaireAction.Save, post.Action);
        Assert.Equal(7, post.QuestionId);
        Assert.Equal(3, post.SeenVersion(7));
        Assert.Equal(["running", "travel"], post.Draft(7, QuestionType.MultipleChoice).Choices);
        Assert.Equal(["x"], post.Draft(8, QuestionType.SingleChoice).Choices);
        Assert.True(post.Holds(8));
        Assert.False(post.Holds(9));
    }

    [Fact]
    public void Read_FreeText_IsTakenAsTyped()
    {
        var post = Read(("pressed", "save:2"), ("q2.text", "  <b>Vegetarian</b> "));

        Assert.Equal("  <b>Vegetarian</b> ", post.Draft(2, QuestionType.FreeText).Text);
        Assert.Empty(post.Draft(2, QuestionType.FreeText).Choices);
    }

    [Theory]
    [InlineData("forget:4", QuestionnaireAction.Forget, 4)]
    [InlineData("forget-all", QuestionnaireAction.ForgetAll, null)]
    [InlineData("save:0", QuestionnaireAction.None, null)]
    [InlineData("save:-1", QuestionnaireAction.None, null)]
    [InlineData("save:4:5", QuestionnaireAction.None, null)]
    [InlineData("save:99999999999", QuestionnaireAction.None, null)]
    [InlineData("delete:4", QuestionnaireAction.None, null)]
    [InlineData("", QuestionnaireAction.None, null)]
    public void Read_TheButton_IsOnlyOneTheFormOffers(string pressed, QuestionnaireAction action, int? questionId)
    {
        var post = Read(("pressed", pressed));

        Assert.Equal(action, post.Action);
        Assert.Equal(questionId, post.QuestionId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1e3")]
    [InlineData(" 2")]
    [InlineData("99999999999999999999")]
    public void Read_AVersionThatIsNoVersion_ReadsAsNoneSeen(string version)
    {
        Assert.Equal(0, Read(("q1.version", version)).SeenVersion(1));
    }

    [Fact]
    public void Read_AnEmptyPost_IsNoActionAndNothingChosen()
    {
        var post = QuestionnairePost.Read(new FormCollection([]));

        Assert.Equal(QuestionnaireAction.None, post.Action);
        Assert.Empty(post.Draft(1, QuestionType.SingleChoice).Choices);
        Assert.Equal(string.Empty, post.Draft(1, QuestionType.FreeText).Text);
    }
}
