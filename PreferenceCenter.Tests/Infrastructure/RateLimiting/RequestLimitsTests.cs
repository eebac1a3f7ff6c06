using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Infrastructure.RateLimiting;

/// <summary>
/// The limits over real HTTP, with limiting on and low (<see cref="TestRateLimits.Low"/>): past a limit a request gets
/// 429 with Retry-After and a page a person can read, and changes nothing and sends nothing. Each test is a client
/// address of its own (127.0.0.x), so they never spend each other's permits.
/// </summary>
public sealed class RequestLimitsTests(RateLimitedAppHost app) : IClassFixture<RateLimitedAppHost>
{
    private const string Password = "Right!Horse9";

    [Fact]
    public async Task Sign_in_past_the_limit_for_one_address_is_refused_unchecked_and_uncounted_in_the_readers_language()
    {
        var email = await ConfirmedAccountAsync();
        using var client = new SignInClient(app.BaseAddress, IPAddress.Parse("127.0.0.2"));
        client.AcceptLanguage("it");
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await client.SignInAsync(email, "Wrong!Guess1");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var checks = app.PasswordChecks.Total;
        using var refused = await client.SignInAsync(email, Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Troppi tentativi</h1>", page, StringComparison.Ordinal);
        Assert.Contains("lang=\"it\"", page, StringComparison.Ordinal);
        // Refused before the page ran: no password checked, no failure counted, and (right password or not) no sign-in.
        Assert.Equal(checks, app.PasswordChecks.Total);
        Assert.Equal(3, (await UserAsync(email)).AccessFailedCount);
        Assert.False(client.IsSignedIn);

        // Another address from the same client is its own partition.
        using var other = await client.SignInAsync(await ConfirmedAccountAsync(), Password);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task Sign_up_past_the_limit_for_one_client_address_creates_nothing_and_sends_nothing_while_another_address_signs_up()
    {
        using var client = new SignInClient(app.BaseAddress, IPAddress.Parse("127.0.0.3"));
        for (var i = 0; i < 3; i++)
        {
            using var accepted = await RegisterAsync(client, NewEmail());
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var refusedEmail = NewEmail();
        using var refused = await RegisterAsync(client, refusedEmail);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Contains("<h1>Too many attempts</h1>", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await FindAsync(refusedEmail));
        Assert.Equal(0, await MailCountToAsync(refusedEmail));

        using var elsewhere = new SignInClient(app.BaseAddress, IPAddress.Parse("127.0.0.4"));
        var welcome = NewEmail();
        using var accepted2 = await RegisterAsync(elsewhere, welcome);
        Assert.Equal(HttpStatusCode.Redirect, accepted2.StatusCode);
        Assert.NotNull(await FindAsync(welcome));
    }

    [Fact]
    public async Task Forgot_password_answers_alike_while_the_mail_cap_holds_back_mail_then_the_address_meets_its_limit()
    {
        var email = await ConfirmedAccountAsync();
        using var client = new SignInClient(app.BaseAddress, IPAddress.Parse("127.0.0.5"));
        for (var i = 0; i < 3; i++)
        {
            using var answer = await ForgotAsync(client, email);
            // The same neutral answer every time, the third one included, whose mail the cap held back.
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.EndsWith("/Account/ForgotPasswordConfirmation", answer.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using var refused = await ForgotAsync(client, email);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal(2, await MailCountToAsync(email));
    }

    [Fact]
    public async Task Emailed_link_pages_past_the_limit_for_a_client_address_get_429_and_another_address_does_not()
    {
        using var client = new SignInClient(app.BaseAddress, IPAddress.Parse("127.0.0.6"));
        for (var i = 0; i < 4; i++)
        {
            using var forged = await client.GetAsync($"u/forged-{i}");
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        using var refused = await client.GetAsync("confirm/forged-5");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);

        using var other = new SignInClient(app.BaseAddress, IPAddress.Parse("127.0.0.7"));
        using var answered = await other.GetAsync("u/forged-6");
        Assert.Equal(HttpStatusCode.BadRequest, answered.StatusCode);
    }

    [Fact]
    public async Task Questionnaire_posts_past_the_limit_for_a_client_address_get_429_and_save_nothing_while_another_address_saves()
    {
        var email = NewEmail();
        var customer = await app.NewAccountAsync(email);
        var question = (await AnswersAsync(customer)).Questions.First(q => q.Type == QuestionType.SingleChoice);
        var save = new Dictionary<string, string>
        {
            [QuestionnairePost.ActionField] = QuestionnairePost.SaveValue(question.Id),
            [QuestionnairePost.ChoiceField(question.Id)] = question.Options[0].Key,
        };
        var forgetAll = new Dictionary<string, string>
        {
            [QuestionnairePost.ActionField] = QuestionnairePost.ForgetAllValue,
        };
        using var client = new SignInClient(app.BaseAddress, IPAddress.Parse("127.0.0.12"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, DemoCustomer.Password)).StatusCode);
        for (var i = 0; i < 3; i++)
        {
            using var answered = await client.PostFormAsync("preferences", "questionnaire", forgetAll);
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        using var refused = await client.PostFormAsync("preferences", "questionnaire", save);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Null((await AnswersAsync(customer)).Questions.Single(q => q.Id == question.Id).Answer);
        // Opening the page is not limited; another address saves.
        Assert.Contains("questionnaire", await client.GetStringAsync("preferences"), StringComparison.Ordinal);
        using var other = new SignInClient(app.BaseAddress, IPAddress.Parse("127.0.0.13"));
        Assert.Equal(HttpStatusCode.Redirect, (await other.SignInAsync(email, DemoCustomer.Password)).StatusCode);
        using var saved = await other.PostFormAsync("preferences", "questionnaire", save);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotNull((await AnswersAsync(customer)).Questions.Single(q => q.Id == question.Id).Answer);
    }

    [Fact]
    public async Task Behind_the_trusted_balancer_each_customer_address_has_its_own_limit_and_from_anyone_else_the_header_changes_nothing()
    {
        // Every customer arrives from the balancer's address; its X-Forwarded-For names who they are.
        using var balancer = new SignInClient(app.BaseAddress, RateLimitedAppHost.Proxy);
        for (var i = 0; i < 4; i++)
        {
            using var forged = await balancer.SendAsync(Forwarded($"u/forged-b{i}", "203.0.113.7"));
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        using var refused = await balancer.SendAsync(Forwarded("u/forged-b5", "203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        using var anotherCustomer = await balancer.SendAsync(Forwarded("u/forged-b6", "203.0.113.8"));
        Assert.Equal(HttpStatusCode.BadRequest, anotherCustomer.StatusCode);

        // A script that is not the balancer cannot name a fresh address for each try.
        using var script = new SignInClient(app.BaseAddress, IPAddress.Parse("127.0.0.11"));
        for (var i = 0; i < 4; i++)
        {
            using var forged = await script.SendAsync(Forwarded($"u/forged-s{i}", $"198.51.100.{i + 1}"));
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        using var stillRefused = await script.SendAsync(Forwarded("u/forged-s5", "198.51.100.99"));
        Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.StatusCode);
    }

    private static HttpRequestMessage Forwarded(string path, string client)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", client);
        return request;
    }

    [Fact]
    public async Task One_click_unsubscribes_past_the_limit_are_refused_and_withdraw_nothing_until_another_address_sends_it()
    {
        var customer = await app.NewCustomerAsync(("marketing", Channel.Email));
        var token = new LinkTokens(app.Services.GetRequiredService<IDataProtectionProvider>(), TimeProvider.System)
            .Create(LinkPurpose.Unsubscribe, customer, "marketing", Channel.Email, TimeSpan.FromDays(30));
        using var client = new SignInClient(app.BaseAddress, IPAddress.Parse("127.0.0.8"));
        for (var i = 0; i < 3; i++)
        {
            using var forged = await OneClickAsync(client, $"forged-{i}");
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        using var refused = await OneClickAsync(client, token);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.True(await MarketingByEmailAsync(customer));

        using var provider = new SignInClient(app.BaseAddress, IPAddress.Parse("127.0.0.9"));
        using var done = await OneClickAsync(provider, token);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.False(await MarketingByEmailAsync(customer));
    }

    private static string NewEmail() => $"limit-{Guid.NewGuid():N}@example.com";

    private static Task<HttpResponseMessage> RegisterAsync(SignInClient client, string email) =>
        client.PostFormAsync("Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password,
        });

    private static Task<HttpResponseMessage> ForgotAsync(SignInClient client, string email) =>
        client.PostFormAsync("Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

    private static async Task<HttpResponseMessage> OneClickAsync(SignInClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"u/{Uri.EscapeDataString(token)}")
        {
            Content = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]),
        };
        return await client.SendAsync(request);
    }

    private async Task<string> ConfirmedAccountAsync()
    {
        var email = NewEmail();
        _ = app.BaseAddress;
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var created = await users.CreateAsync(new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true }, Password);
        Assert.True(created.Succeeded);
        return email;
    }

    private async Task<ApplicationUser?> FindAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
    }

    private async Task<ApplicationUser> UserAsync(string email)
    {
        var id = (await FindAsync(email))!.Id;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    private Task<QuestionnaireView> AnswersAsync(Guid customer) =>
        app.Services.GetRequiredService<AnswerService>()
            .GetQuestionnaireAsync(customer, System.Globalization.CultureInfo.GetCultureInfo("en"));

    private async Task<bool> MarketingByEmailAsync(Guid customer) =>
        (await app.Services.GetRequiredService<ConsentService>().GetCellsAsync(customer))[("marketing", Channel.Email)].IsOn;

    private async Task<int> MailCountToAsync(string recipient)
    {
        var count = 0;
        foreach (var file in Directory.Exists(app.PickupDirectory) ? Directory.GetFiles(app.PickupDirectory, "*.eml") : [])
        {
            using var message = await MimeKit.MimeMessage.LoadAsync(file);
            count += message.To.Mailboxes.Count(m => string.Equals(m.Address, recipient, StringComparison.OrdinalIgnoreCase));
        }

        return count;
    }
}
