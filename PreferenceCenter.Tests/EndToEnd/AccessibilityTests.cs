using System.Globalization;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.Preferences.Admin;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.Features.Consents.Lifecycle;
using PreferenceCenter.Tests.Features.Preferences;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>axe-core against WCAG 2.2 AA tags; anything serious or critical fails with what to fix.</summary>
[Collection(EndToEndGroup.Name)]
public sealed class AccessibilityTests(AppHost app, BrowserFixture browser)
{
    [Theory]
    [InlineData("", false)]
    [InlineData("privacy", false)]
    [InlineData("not-found", false)]
    [InlineData("Error", false)]
    [InlineData("Account/Login", false)]
    [InlineData("Account/Register", false)]
    [InlineData("Account/RegisterConfirmation?email=someone%40example.com", false)]
    [InlineData("Account/ResendEmailConfirmation", false)]
    [InlineData("Account/ForgotPassword", false)]
    [InlineData("Account/ForgotPasswordConfirmation", false)]
    [InlineData("Account/ResetPasswordConfirmation", false)]
    [InlineData("Account/InvalidPasswordReset", false)]
    [InlineData("Account/InvalidUser", false)]
    [InlineData("Account/Lockout", false)]
    [InlineData("forget-me/confirm?token=not-a-valid-token", false)]
    public async Task Public_page_has_no_serious_or_critical_accessibility_violations(string path, bool interactive)
    {
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        await OpenAsync(page, path, interactive);
        await AssertNoBlockingViolationsAsync(page, path);
    }

    [Theory]
    [InlineData("preferences", true)]
    [InlineData("history", true)]
    [InlineData("my-data", true)]
    [InlineData("forget-me", true)]
    [InlineData("Account/AccessDenied", false)]
    [InlineData("Account/Manage", false)]
    [InlineData("Account/Manage/Email", false)]
    [InlineData("Account/Manage/ChangePassword", false)]
    [InlineData("Account/Manage/TwoFactorAuthentication", false)]
    [InlineData("Account/Manage/EnableAuthenticator", false)]
    [InlineData("Account/Manage/ResetAuthenticator", false)]
    public async Task Signed_in_page_has_no_serious_or_critical_accessibility_violations(string path, bool interactive)
    {
        var page = await DemoCustomerSession.NewPageAsync(browser, app);
        await using var context = page.Context;
        await OpenAsync(page, path, interactive);
        await AssertNoBlockingViolationsAsync(page, path);
    }

    [Theory]
    [InlineData("admin/questions", true)]
    [InlineData("admin/questions/new", true)]
    [InlineData("admin/feedback", false)]
    [InlineData("admin/feedback?period=12m", true)]
    [InlineData("admin/erasure", true)]
    [InlineData("admin/purposes", true)]
    [InlineData("admin/api-clients", true)]
    [InlineData("admin/webhooks", true)]
    [InlineData("admin/imports", true)]
    public async Task Officer_page_has_no_serious_or_critical_accessibility_violations(string path, bool interactive)
    {
        await EnsureAQuestionAsync();
        await EnsureAnOverdueErasureRequestAsync();
        var page = await DemoOfficerSession.NewPageAsync(browser, app);
        await using var context = page.Context;
        await OpenAsync(page, path, interactive);
        Assert.EndsWith("/" + path, page.Url, StringComparison.Ordinal); // the officer's page, not a sign-in redirect
        await AssertNoBlockingViolationsAsync(page, path);
    }

    /// <summary>
    /// The officer's pages in each language the app speaks: longer Italian and Spanish words must not break the layout,
    /// and the notice editor's labels, meters and diffs and the charts' "fewer than 10" cells are written per language.
    /// </summary>
    [Theory]
    [InlineData("admin/notice", "en", "main h1")]
    [InlineData("admin/notice", "it", "main h1")]
    [InlineData("admin/notice", "es", "main h1")]
    [InlineData("admin/retention", "en", "main h1")]
    [InlineData("admin/retention", "it", "main h1")]
    [InlineData("admin/retention", "es", "main h1")]
    [InlineData("admin", "en", "main h1")]
    [InlineData("admin", "it", "main h1")]
    [InlineData("admin", "es", "main h1")]
    [InlineData("admin/insights", "en", "section.insight")]
    [InlineData("admin/insights", "it", "section.insight")]
    [InlineData("admin/insights", "es", "section.insight")]
    public async Task Officer_page_in_each_language_has_no_serious_or_critical_accessibility_violations(string path, string culture, string drawn)
    {
        await EnsureAnOverdueErasureRequestAsync();
        var page = await DemoOfficerSession.NewPageAsync(browser, app);
        await using var context = page.Context;
        // The language switcher's cookie: the context's own locale would override an Accept-Language header.
        await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = app.Url("") }]);
        await OpenAsync(page, path, interactive: true);
        Assert.EndsWith("/" + path, page.Url, StringComparison.Ordinal); // the officer's page, not a sign-in redirect
        Assert.Equal(culture, await page.Locator("html").GetAttributeAsync("lang")); // the page really is in that language
        await page.Locator(drawn).First.WaitForAsync(); // what the page loads after its heading is drawn too
        await AssertNoBlockingViolationsAsync(page, $"{path} ({culture})");
    }

    [Theory]
    [InlineData("support", true)]
    public async Task Support_page_has_no_serious_or_critical_accessibility_violations(string path, bool interactive)
    {
        var page = await DemoSupportSession.NewPageAsync(browser, app);
        await using var context = page.Context;
        await OpenAsync(page, path, interactive);
        Assert.EndsWith("/" + path, page.Url, StringComparison.Ordinal);
        await AssertNoBlockingViolationsAsync(page, path);
    }

    [Fact]
    public async Task Support_search_showing_a_problem_and_then_a_found_customer_has_no_serious_or_critical_accessibility_violations()
    {
        var page = await DemoSupportSession.NewPageAsync(browser, app);
        await using var context = page.Context;
        var console = await new SupportConsolePage(page, app).OpenAsync();

        await page.GetByLabel("Email, phone or customer reference").FillAsync("customer@");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find", Exact = true }).ClickAsync();
        await page.Locator("#support-query-problem").WaitForAsync();
        await AssertNoBlockingViolationsAsync(page, "support (partial identifier)");

        await console.FindAsync(DemoCustomer.Email);
        await AssertNoBlockingViolationsAsync(page, "support (found)");
    }

    /// <summary>The customer page needs a reference no seed fixes: reached through the search, scanned before and while acting.</summary>
    [Fact]
    public async Task Support_customer_page_before_and_while_acting_has_no_serious_or_critical_accessibility_violations()
    {
        var page = await DemoSupportSession.NewPageAsync(browser, app);
        await using var context = page.Context;
        var console = await new SupportConsolePage(page, app).OpenAsync();
        await console.FindAsync(DemoCustomer.Email);
        await console.OpenFoundCustomerAsync();
        await page.GetByText("Loading", new() { Exact = false }).WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await AssertNoBlockingViolationsAsync(page, "support/customers/{reference}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Start acting for this customer", Exact = true }).ClickAsync();
        await page.Locator("#request-channel-problem").WaitForAsync();
        await AssertNoBlockingViolationsAsync(page, "support/customers/{reference} (form problems)");

        await page.GetByRole(AriaRole.Button, new() { Name = "Show full email", Exact = true }).ClickAsync();
        await console.StartActingAsync("In person", "Accessibility scan of the acting banner");
        await AssertNoBlockingViolationsAsync(page, "support/customers/{reference} (acting, reveal open)");
    }

    [Fact]
    public async Task Question_form_showing_its_problems_has_no_serious_or_critical_accessibility_violations()
    {
        var page = await DemoOfficerSession.NewPageAsync(browser, app);
        await using var context = page.Context;
        await OpenAsync(page, "admin/questions/new", interactive: true);

        await new AdminQuestionsPage(page, app).SaveAsync();
        await page.Locator(".problem-summary").WaitForAsync();

        await AssertNoBlockingViolationsAsync(page, "admin/questions/new (refused)");
    }

    [Theory]
    [InlineData("confirm/{Token}", LinkPurpose.ConfirmOptIn, "Confirm")]
    [InlineData("renew/{Token}", LinkPurpose.Renew, "Renew")]
    public async Task Emailed_link_page_has_no_serious_or_critical_accessibility_violations_before_and_after_its_button(
        string path, LinkPurpose purpose, string button)
    {
        var token = await LinkPageState.TokenAsync(app, purpose);
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        await OpenAsync(page, path.Replace("{Token}", token, StringComparison.Ordinal), interactive: false);
        await AssertNoBlockingViolationsAsync(page, path);

        await new ConsentLinkPage(page).PressAsync(button);
        await AssertNoBlockingViolationsAsync(page, path + " (done)");
    }

    /// <summary>
    /// The sign-up form with its consent boxes, and /preferences with a consent waiting for its confirmation (drawn off,
    /// named waiting, with its cancel button), in Italian and Spanish (English is scanned above).
    /// </summary>
    [Theory]
    [InlineData("Account/Register", "it")]
    [InlineData("Account/Register", "es")]
    public async Task Sign_up_consents_and_a_waiting_switch_have_no_serious_or_critical_accessibility_violations_in_each_language(string path, string culture)
    {
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        await context.AddCookiesAsync([new() { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = app.BaseAddress.AbsoluteUri }]);
        await OpenAsync(page, path, interactive: false);
        await page.Locator(".sign-up-consents").WaitForAsync();
        await AssertNoBlockingViolationsAsync(page, $"{path} ({culture})");

        var customer = await app.NewAccountAsync($"waiting.a11y.{Guid.NewGuid():N}@example.com");
        var asked = await app.Services.GetRequiredService<PreferenceCenter.Features.Consents.ConsentService>().SetAsync(new(
            customer, "marketing", Channel.Email, true, 0, Actor.Customer(customer), ChangeSource.Web));
        Assert.True(asked.Current!.AwaitingConfirmation);
        var token = app.Services.GetRequiredService<LinkTokens>().Create(LinkPurpose.ManagePreferences, customer, string.Empty, Channel.Email, TimeSpan.FromHours(1));
        await OpenAsync(page, "m/" + token, interactive: false);
        await BlazorCircuit.RunAndWaitAsync(page, () => page.Locator("button.link-action").ClickAsync());
        await page.Locator(".consent-matrix__cancel").WaitForAsync();
        await AssertNoBlockingViolationsAsync(page, $"/preferences (a consent waiting for confirmation, {culture})");
    }

    /// <summary>The emailed "manage your preferences" link in each language: its button, a forged link's message, and /preferences it opens.</summary>
    [Theory]
    [InlineData("m/{Token}", "en", "Open my preferences")]
    [InlineData("m/{Token}", "it", "Apri le mie preferenze")]
    [InlineData("m/{Token}", "es", "Abrir mis preferencias")]
    public async Task Manage_link_page_and_the_preferences_it_opens_have_no_serious_or_critical_accessibility_violations(string path, string culture, string button)
    {
        var customer = await app.NewAccountAsync($"manage.a11y.{Guid.NewGuid():N}@example.com");
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Customers.Where(c => c.Id == customer).ExecuteUpdateAsync(u => u.SetProperty(c => c.PreferredCulture, culture));
        }

        var token = app.Services.GetRequiredService<LinkTokens>().Create(LinkPurpose.ManagePreferences, customer, string.Empty, Channel.Email, TimeSpan.FromHours(1));
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        await context.AddCookiesAsync([new() { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = app.BaseAddress.AbsoluteUri }]);
        await OpenAsync(page, "m/not-a-token", interactive: false);
        await AssertNoBlockingViolationsAsync(page, $"{path} (forged, {culture})");
        await OpenAsync(page, path.Replace("{Token}", token, StringComparison.Ordinal), interactive: false);
        await AssertNoBlockingViolationsAsync(page, $"{path} ({culture})");

        await BlazorCircuit.RunAndWaitAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync());
        await page.Locator(".email-link-session").WaitForAsync();
        await AssertNoBlockingViolationsAsync(page, $"/preferences (opened from the link, {culture})");
    }

    /// <summary>The erasure confirmation link with a real token: its form, then what pressing the button says.</summary>
    [Fact]
    public async Task Erasure_confirm_page_with_a_valid_link_has_no_serious_or_critical_accessibility_violations_before_and_after_its_button()
    {
        const string path = "forget-me/confirm";
        var token = await AnErasureConfirmationTokenAsync();
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        await OpenAsync(page, path + "?token=" + Uri.EscapeDataString(token), interactive: false);
        var confirm = page.GetByRole(AriaRole.Button, new() { Name = "Confirm my request", Exact = true });
        await confirm.WaitForAsync(); // the form, not the invalid-link message
        await AssertNoBlockingViolationsAsync(page, path + " (valid link)");

        await confirm.ClickAsync();
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        Assert.Equal("Thank you: your request is confirmed. Our privacy officer will review it.", (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Trim());
        await AssertNoBlockingViolationsAsync(page, path + " (confirmed)");
    }

    /// <summary>The page an email's unsubscribe link opens, with a good link (its choices) and a bad one (its 400 page).</summary>
    [Theory]
    [InlineData("u/{Token}", true)]
    [InlineData("u/{Token}", false)]
    public async Task Unsubscribe_page_has_no_serious_or_critical_accessibility_violations(string path, bool validLink)
    {
        var token = validLink
            ? app.Services.GetRequiredService<LinkTokens>().Create(LinkPurpose.Unsubscribe, Guid.NewGuid(), "marketing", Channel.Email, TimeSpan.FromDays(1))
            : "not-a-token";
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        await OpenAsync(page, path.Replace("{Token}", token, StringComparison.Ordinal) + "?done=Pause", interactive: false);
        await AssertNoBlockingViolationsAsync(page, path);
    }

    // The list is scanned with a row in it (buttons, links, numbers), not as an empty table.
    private async Task EnsureAQuestionAsync()
    {
        var questions = app.Services.GetRequiredService<QuestionAdminService>();
        if ((await questions.ListAsync(CultureInfo.GetCultureInfo("en"))).Count == 0)
        {
            var saved = await questions.SaveAsync(QuestionSamples.SingleChoice(), Actor.Staff("accessibility-tests"));
            Assert.True(saved.Saved);
        }
    }

    // The erasure queue is scanned with a row marked overdue and its buttons, not as an empty table.
    private async Task EnsureAnOverdueErasureRequestAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        // Overdue ones only: other tests here leave requests confirmed just now (not overdue) behind.
        if (!await db.ErasureRequests.AnyAsync(r => r.State == ErasureState.Verified && r.DueAt < now))
        {
            var askedAt = now.AddDays(-40);
            db.ErasureRequests.Add(new ErasureRequest
            {
                CustomerId = Guid.NewGuid(), State = ErasureState.Verified, RequestedAt = askedAt, VerifiedAt = askedAt,
                DueAt = ErasureRules.DueAt(askedAt, 1), Culture = "en",
            });
            await db.SaveChangesAsync();
        }
    }

    // A customer of their own with an erasure request waiting for its emailed link, and that link's token from the app's key ring.
    private async Task<string> AnErasureConfirmationTokenAsync()
    {
        var customerId = Guid.NewGuid();
        var askedAt = DateTimeOffset.UtcNow;
        var request = new ErasureRequest
        {
            CustomerId = customerId, State = ErasureState.Requested, RequestedAt = askedAt, DueAt = ErasureRules.DueAt(askedAt, 1), Culture = "en",
        };
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            db.Customers.Add(new Customer { Id = customerId, Reference = CustomerReference.New(), CreatedAt = askedAt });
            db.ErasureRequests.Add(request);
            await db.SaveChangesAsync();
        }

        return app.Services.GetRequiredService<ErasureLinks>().Issue(request.Id, customerId);
    }

    private async Task OpenAsync(IPage page, string path, bool interactive)
    {
        if (interactive)
        {
            await BlazorCircuit.GotoAsync(page, app.Url(path));
        }
        else
        {
            await page.GotoAsync(app.Url(path));
        }

        // Scan the finished page, not a loading placeholder.
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync();
        await page.GetByText("Loading", new() { Exact = false }).WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    private static async Task AssertNoBlockingViolationsAsync(IPage page, string path)
    {
        var result = await page.RunAxe(AxeReport.WcagOptions());
        Assert.NotEmpty(result.Passes);
        var blocking = AxeReport.Blocking(result);
        Assert.True(blocking.Count == 0, AxeReport.Describe("/" + path, blocking));
    }
}
