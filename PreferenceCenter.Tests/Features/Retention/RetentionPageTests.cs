using Bunit;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Features.Retention;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Retention;

/// <summary>The officer's preview: per purpose, how long its data is kept and how much the next run deletes.</summary>
public sealed class RetentionPageTests : PageTestBase
{
    [Fact]
    public async Task RetentionPage_ShowsPerPurposeWhatTheNextRunDeletes_CountsOnly()
    {
        await SignInOfficerAsync();
        await using (var db = Database.CreateDbContext())
        {
            var marketing = await db.Purposes.SingleAsync(p => p.Key == "marketing");
            marketing.RetentionAfterEndDays = 30;
            var question = new Question { Key = "interests", Type = QuestionType.SingleChoice, PurposeId = marketing.Id, CreatedAt = Now };
            db.Questions.Add(question);
            await db.SaveChangesAsync();
            db.Answers.Add(new Answer { CustomerId = CustomerId, QuestionId = question.Id, Choices = ["shoes"], AnsweredAt = Now.AddDays(-90) });
            db.Consents.Add(new Consent
            {
                CustomerId = CustomerId, PurposeId = marketing.Id, Channel = PreferenceCenter.Features.Common.Channel.Email, State = ConsentState.Withdrawn,
                ChangedAt = Now.AddDays(-31), NoticeVersion = 1, Version = 1,
            });
            await db.SaveChangesAsync();
        }

        var cut = Render<RetentionPage>();

        cut.WaitForAssertion(() => Assert.Equal(
            ["Marketing|30 days after the consent ends|1|1", "Profiling|until the customer asks to be forgotten|0|0"],
            cut.FindAll("tbody tr").Select(r => string.Join("|", r.Children.Select(c => c.TextContent.Trim())))));
        Assert.DoesNotContain(CustomerId.ToString(), cut.Markup, StringComparison.OrdinalIgnoreCase);
    }
}
