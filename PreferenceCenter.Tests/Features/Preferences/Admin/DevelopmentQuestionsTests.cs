using PreferenceCenter.Data;
using PreferenceCenter.Data.Seed;
using PreferenceCenter.Features.Preferences.Admin;
using PreferenceCenter.Features.Preferences.Questionnaire;

namespace PreferenceCenter.Tests.Features.Preferences.Admin;

public sealed class DevelopmentQuestionsTests
{
    [Fact]
    public async Task EverySeedQuestion_PassesTheOfficersRules_AgainstTheSeedCatalog()
    {
        var catalog = await DevelopmentSeeder.LoadCatalogAsync();
        var purposes = catalog.Purposes.Select(p => p.Key).ToHashSet();

        Assert.All(DevelopmentQuestions.All(), form => Assert.Empty(QuestionRules.Check(form, purposes)));
    }

    [Fact]
    public void TheSeed_HasEveryKindOfQuestion() =>
        Assert.Equal(Enum.GetValues<QuestionType>(), DevelopmentQuestions.All().Select(q => q.Type).Distinct().Order());
}
