using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Features.Preferences.Feedback;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.PersonalData;

[SqliteOnly("scans the SQLite file; PostgreSqlPersonalDataRetrofitTests runs the same retrofit on PostgreSQL and scans its files")]
public sealed class PersonalDataRetrofitTests
{
    internal static readonly string[] PlainValues = ["+39 333 123 4567", "Only on Tuesdays", "Too many emails", "ADA@EXAMPLE.COM", "ada@example.com"];

    [Fact]
    public async Task DataWrittenBeforeEncryption_IsSealedAndFoundThroughTheBlindIndex_AndASecondRunChangesNothing()
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        await RetrofitAndCheckAsync(fixture);

        Assert.Empty(FileScan.Find(await fixture.Database.FilesAsync(), PlainValues));
    }

    /// <summary>Writes data as the version before encryption did, runs the retrofit twice and checks what it made of it.</summary>
    internal static async Task RetrofitAndCheckAsync(PersonalDataFixture fixture)
    {
        var question = await fixture.FreeTextQuestionAsync();
        var customerId = Guid.NewGuid();
        await using (var db = fixture.Factory.CreateDbContext())
        {
            // As the previous version stored it: upper-case lookup copies, the phone in Identity, plain words.
            var user = new ApplicationUser
            {
                UserName = "ada@example.com", Email = "ada@example.com", NormalizedUserName = "ADA@EXAMPLE.COM", NormalizedEmail = "ADA@EXAMPLE.COM",
                PhoneNumber = "+39 333 123 4567",
            };
            db.Users.Add(user);
            db.Customers.Add(new Customer { Id = customerId, UserId = user.Id, Reference = CustomerReference.New(), CreatedAt = PersonalDataFixture.Now });
            db.Answers.Add(new Answer { CustomerId = customerId, QuestionId = question, Text = "Only on Tuesdays", AnsweredAt = PersonalDataFixture.Now, Version = 1 });
            db.Feedback.Add(new Feedback { CustomerId = customerId, TooOften = true, Comment = "Too many emails", ReceivedAt = PersonalDataFixture.Now });
            await db.SaveChangesAsync();
        }

        var retrofit = new PersonalDataRetrofit(fixture.Factory, fixture.Protector, fixture.Sealer, fixture.Normalizer, fixture.Index, fixture.Profiles, fixture.Clock,
            NullLogger<PersonalDataRetrofit>.Instance);
        await retrofit.RunAsync();
        await retrofit.RunAsync();

        await using var check = fixture.Factory.CreateDbContext();
        var migrated = await check.Users.SingleAsync();
        Assert.Equal((fixture.Index.OfEmail("ada@example.com"), fixture.Index.OfEmail("ada@example.com"), (string?)null),
            (migrated.NormalizedEmail, migrated.NormalizedUserName, migrated.PhoneNumber));
        Assert.True(AccountSealer.IsSealed(migrated.UserName) && AccountSealer.IsSealed(migrated.Email), "Identity's user name and email are still plain.");
        Assert.Equal(("ada@example.com", "ada@example.com"),
            (await fixture.Sealer.OpenAsync(migrated.Id, migrated.UserName), await fixture.Sealer.OpenAsync(migrated.Id, migrated.Email)));
        Assert.Equal(new CustomerProfileView(null, "ada@example.com", "+39 333 123 4567", 1), await fixture.Profiles.GetAsync(customerId));
        Assert.Equal(customerId, await fixture.Lookup.FindByPhoneAsync("+393331234567"));
        Assert.StartsWith(ProtectedText.Prefix, (await check.Answers.SingleAsync()).Text, StringComparison.Ordinal);
        var questionnaire = await fixture.Answers.GetQuestionnaireAsync(customerId, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Only on Tuesdays", questionnaire.Questions.Single().Answer!.Text);
        Assert.Equal(["Too many emails"], (await fixture.Feedback.SummarizeAsync(TimeSpan.FromDays(1))).RecentComments);
    }
}
