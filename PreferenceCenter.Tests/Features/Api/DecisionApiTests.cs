using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Features.Api.Decisions;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Preferences.ContactRules;

namespace PreferenceCenter.Tests.Features.Api;

/// <summary>"May we contact them?" over real HTTP, one row per state a customer can be in.</summary>
public sealed class DecisionApiTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    public enum CustomerState
    {
        NoConsent, Granted, Withdrawn, Expired, Pending, Paused, WeeklyLimitReached, WeeklyLimitPassed, NeverForMarketing,
        Erased, UnknownReference, KnownEmail, SuppressedEmail, UnknownEmail,
    }

    public static TheoryData<CustomerState, bool, string> Cases() => new()
    {
        { CustomerState.NoConsent, false, DecisionReasons.NoConsent },
        { CustomerState.Granted, true, DecisionReasons.Allowed },
        { CustomerState.Withdrawn, false, DecisionReasons.NoConsent },
        { CustomerState.Expired, false, DecisionReasons.ConsentExpired },
        { CustomerState.Pending, false, DecisionReasons.AwaitingConfirmation },
        { CustomerState.Paused, false, DecisionReasons.Paused },
        { CustomerState.WeeklyLimitReached, false, DecisionReasons.ContactLimitReached },
        { CustomerState.WeeklyLimitPassed, true, DecisionReasons.Allowed },
        { CustomerState.NeverForMarketing, false, DecisionReasons.NeverForMarketing },
        { CustomerState.Erased, false, DecisionReasons.Suppressed },
        { CustomerState.UnknownReference, false, DecisionReasons.UnknownSubject },
        { CustomerState.KnownEmail, true, DecisionReasons.Allowed },
        { CustomerState.SuppressedEmail, false, DecisionReasons.Suppressed },
        { CustomerState.UnknownEmail, false, DecisionReasons.UnknownSubject },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Decide_AnswersWhatTheCustomersStateMeans(CustomerState state, bool allowed, string reason)
    {
        var subject = await SubjectInAsync(state);
        var key = await app.KeyAsync(ApiScopes.Decisions);

        using var response = await app.Http(key).PostAsJsonAsync("api/v1/decisions", new { subject, purpose = "marketing", channel = "sms" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await ApiAppFixture.JsonAsync<DecisionAnswer>(response);
        Assert.Equal((allowed, reason), (answer.Allowed, answer.Reason));
        Assert.Equal(("marketing", "sms"), (answer.Purpose, answer.Channel));
        Assert.DoesNotContain("@", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_APauseOrALimit_SaysWhenItEnds()
    {
        var until = DateTimeOffset.UtcNow.AddDays(3);
        var paused = await app.CustomerAsync(("marketing", Channel.Sms));
        await app.SetRuleAsync(paused.Id, Channel.Sms, ContactFrequency.AsItHappens, until);
        var key = await app.KeyAsync(ApiScopes.Decisions);

        var answer = await ApiAppFixture.JsonAsync<DecisionAnswer>(await app.Http(key).PostAsJsonAsync("api/v1/decisions",
            new { subject = new { reference = paused.Reference }, purpose = "marketing", channel = "sms" }));

        Assert.Equal(until.ToUnixTimeMilliseconds(), answer.NotBefore!.Value.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Batch_AnswersEachInTheOrderAsked()
    {
        var granted = await app.CustomerAsync(("marketing", Channel.Sms));
        var none = await app.CustomerAsync();
        var key = await app.KeyAsync(ApiScopes.Decisions);

        using var response = await app.Http(key).PostAsJsonAsync("api/v1/decisions/batch", new
        {
            items = new object[]
            {
                new { subject = new { reference = granted.Reference }, purpose = "marketing", channel = "sms" },
                new { subject = new { reference = none.Reference }, purpose = "marketing", channel = "sms" },
                new { subject = new { reference = granted.Reference }, purpose = "marketing", channel = "email" },
            },
        });

        var answers = (await ApiAppFixture.JsonAsync<DecisionBatchAnswer>(response)).Results;
        Assert.Equal([DecisionReasons.Allowed, DecisionReasons.NoConsent, DecisionReasons.NoConsent], answers.Select(a => a.Reason));
        Assert.Equal([granted.Reference, none.Reference, granted.Reference], answers.Select(a => a.Reference));
    }

    [Fact]
    public async Task Batch_EveryStateAtOnce_AnswersAsEachQuestionAlone()
    {
        // A batch reads its subjects as one list and a single question by one reference; both must say the same.
        var key = await app.KeyAsync(ApiScopes.Decisions);
        var subjects = new List<object>();
        foreach (var state in Enum.GetValues<CustomerState>())
        {
            subjects.Add(await SubjectInAsync(state));
        }

        var questions = subjects.SelectMany(subject => new object[]
        {
            new { subject, purpose = "marketing", channel = "sms" },
            new { subject, purpose = "marketing", channel = "email" },
        }).ToList();
        var alone = new List<DecisionAnswer>();
        foreach (var question in questions)
        {
            alone.Add(await ApiAppFixture.JsonAsync<DecisionAnswer>(await app.Http(key).PostAsJsonAsync("api/v1/decisions", question)));
        }

        var batch = (await ApiAppFixture.JsonAsync<DecisionBatchAnswer>(
            await app.Http(key).PostAsJsonAsync("api/v1/decisions/batch", new { items = questions }))).Results;

        Assert.Equal(alone, batch);
        Assert.Contains(batch, a => a.Allowed);
        Assert.Contains(batch, a => a.Reason == DecisionReasons.Suppressed);
        Assert.Contains(batch, a => a.Reason == DecisionReasons.UnknownSubject);
    }

    [Fact]
    public async Task Batch_OverAThousand_Answers413()
    {
        var key = await app.KeyAsync(ApiScopes.Decisions);
        var item = new { subject = new { reference = "PC-AAAAAA" }, purpose = "marketing", channel = "sms" };

        using var response = await app.Http(key).PostAsJsonAsync("api/v1/decisions/batch", new { items = Enumerable.Repeat(item, DecisionBatchRequest.MaxItems + 1) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Batch_WithOneBadQuestion_NamesItsFieldsAndAnswersNone()
    {
        var granted = await app.CustomerAsync(("marketing", Channel.Sms));
        var key = await app.KeyAsync(ApiScopes.Decisions);

        using var response = await app.Http(key).PostAsJsonAsync("api/v1/decisions/batch", new
        {
            items = new object[]
            {
                new { subject = new { reference = granted.Reference }, purpose = "marketing", channel = "sms" },
                new { subject = new { reference = granted.Reference, email = "x@example.com" }, purpose = "nope", channel = "pigeon" },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("items[1].subject", body, StringComparison.Ordinal);
        Assert.Contains("items[1].purpose", body, StringComparison.Ordinal);
        Assert.Contains("items[1].channel", body, StringComparison.Ordinal);
        Assert.DoesNotContain("items[0]", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"subject\":")]
    [InlineData("[]")]
    [InlineData("{\"subject\":{\"reference\":42},\"purpose\":\"marketing\",\"channel\":\"sms\"}")]
    [InlineData("{\"subject\":{\"reference\":\"pc-<script>\"},\"purpose\":\"marketing\",\"channel\":\"sms\"}")]
    [InlineData("{\"subject\":{\"email\":\"no-at-sign\"},\"purpose\":\"marketing\",\"channel\":\"sms\"}")]
    [InlineData("{\"subject\":{\"reference\":\"PC-AAAAAA\"},\"purpose\":\"marketing\",\"channel\":\"1\"}")]
    public async Task MalformedInput_Answers400WithAProblem(string json)
    {
        var key = await app.KeyAsync(ApiScopes.Decisions);

        using var response = await app.Http(key).PostAsync("api/v1/decisions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Reserve_TwoSendersRacingForOneWeeklySlot_ExactlyOneWins()
    {
        var customer = await app.CustomerAsync(("marketing", Channel.Sms));
        await app.SetRuleAsync(customer.Id, Channel.Sms, ContactFrequency.WeeklyDigest);
        var first = app.Http(await app.KeyAsync(ApiScopes.Decisions));
        var second = app.Http(await app.KeyAsync(ApiScopes.Decisions));
        var body = new { subject = new { reference = customer.Reference }, purpose = "marketing", channel = "sms" };

        var answers = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? first : second).PostAsJsonAsync("api/v1/decisions/reservations", body))
                .Select(async call => await ApiAppFixture.JsonAsync<DecisionAnswer>(await call)));

        Assert.Single(answers, a => a.Allowed);
        Assert.All(answers.Where(a => !a.Allowed), a => Assert.Equal(DecisionReasons.ContactLimitReached, a.Reason));
    }

    [Fact]
    public async Task Decide_AsksOnly_AndReserve_Records()
    {
        var customer = await app.CustomerAsync(("marketing", Channel.Sms));
        await app.SetRuleAsync(customer.Id, Channel.Sms, ContactFrequency.Monthly);
        var http = app.Http(await app.KeyAsync(ApiScopes.Decisions));
        var body = new { subject = new { reference = customer.Reference }, purpose = "marketing", channel = "sms" };

        Assert.True((await ApiAppFixture.JsonAsync<DecisionAnswer>(await http.PostAsJsonAsync("api/v1/decisions", body))).Allowed);
        Assert.True((await ApiAppFixture.JsonAsync<DecisionAnswer>(await http.PostAsJsonAsync("api/v1/decisions", body))).Allowed);
        Assert.True((await ApiAppFixture.JsonAsync<DecisionAnswer>(await http.PostAsJsonAsync("api/v1/decisions/reservations", body))).Allowed);
        var after = await ApiAppFixture.JsonAsync<DecisionAnswer>(await http.PostAsJsonAsync("api/v1/decisions", body));

        Assert.Equal(DecisionReasons.ContactLimitReached, after.Reason);
        Assert.NotNull(after.NotBefore);
    }

    private async Task<object> SubjectInAsync(CustomerState state)
    {
        switch (state)
        {
            case CustomerState.UnknownReference:
                return new { reference = "PC-ZZZZZZ" };
            case CustomerState.UnknownEmail:
                return new { email = $"nobody-{Guid.NewGuid():N}@example.com" };
            case CustomerState.SuppressedEmail:
                var erased = $"erased-{Guid.NewGuid():N}@example.com";
                await app.SuppressAsync(erased);
                return new { email = erased };
            case CustomerState.KnownEmail:
                var (id, email) = await app.CustomerWithEmailAsync();
                await app.GrantAsync(id, "marketing", Channel.Sms);
                return new { email };
        }

        var granted = state != CustomerState.NoConsent;
        var customer = granted ? await app.CustomerAsync(("marketing", Channel.Sms)) : await app.CustomerAsync();
        var now = DateTimeOffset.UtcNow;
        await app.WriteAsync(async db =>
        {
            var consent = await db.Consents.SingleOrDefaultAsync(c => c.CustomerId == customer.Id);
            switch (state)
            {
                case CustomerState.Withdrawn: consent!.State = ConsentState.Withdrawn; break;
                case CustomerState.Expired: consent!.ExpiresAt = now.AddDays(-1); break;
                case CustomerState.Pending: consent!.State = ConsentState.PendingConfirmation; break;
                case CustomerState.Erased: (await db.Customers.SingleAsync(c => c.Id == customer.Id)).Status = CustomerStatus.Erased; break;
            }
        });
        switch (state)
        {
            case CustomerState.Paused:
                await app.SetRuleAsync(customer.Id, Channel.Sms, ContactFrequency.AsItHappens, now.AddDays(2));
                break;
            case CustomerState.NeverForMarketing:
                await app.SetRuleAsync(customer.Id, Channel.Sms, ContactFrequency.NeverForMarketing);
                break;
            case CustomerState.WeeklyLimitReached or CustomerState.WeeklyLimitPassed:
                await app.SetRuleAsync(customer.Id, Channel.Sms, ContactFrequency.WeeklyDigest);
                var last = state == CustomerState.WeeklyLimitReached ? now.AddDays(-2) : now.AddDays(-8);
                await app.WriteAsync(db =>
                {
                    db.ChannelContacts.Add(new LastContact { CustomerId = customer.Id, Channel = Channel.Sms, LastContactedAt = last });
                    return Task.CompletedTask;
                });
                break;
        }

        return new { reference = customer.Reference };
    }
}
