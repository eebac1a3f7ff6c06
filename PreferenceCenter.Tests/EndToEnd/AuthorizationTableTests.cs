using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Data;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>
/// Every routable page × every role, over real HTTP against the real app: what each gets (the page, a redirect to
/// sign in, access denied, or the page's own redirect). A page missing from the table fails the test, so a new
/// page cannot ship without someone deciding who may open it.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class AuthorizationTableTests(AppHost app)
{
    public enum Role
    {
        Anonymous,
        Customer,
        OtherCustomer,
        Support,
        Officer,
    }

    private const string Ok = "200";
    private const string Login = "login";
    private const string Denied = "denied";

    // Who may open a page: everyone, anyone signed in, customers, staff (support ⊆ officer), officers.
    private static readonly Dictionary<Role, string> Public = Same(Ok);
    private static readonly Dictionary<Role, string> SignedIn = Except(Ok, (Role.Anonymous, Login));
    private static readonly Dictionary<Role, string> Customers = Except(Denied, (Role.Anonymous, Login), (Role.Customer, Ok), (Role.OtherCustomer, Ok));
    private static readonly Dictionary<Role, string> Staff = Except(Denied, (Role.Anonymous, Login), (Role.Support, Ok), (Role.Officer, Ok));
    private static readonly Dictionary<Role, string> Officers = Except(Denied, (Role.Anonymous, Login), (Role.Officer, Ok));

    /// <summary>Route template → the address to try (parameters filled in) and what each role gets.</summary>
    private static readonly Dictionary<string, (string Path, Dictionary<Role, string> Expected)> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/"] = ("", Public),
        ["/privacy"] = ("privacy", Public),
        ["/not-found"] = ("not-found", Public),
        ["/Error"] = ("Error", Public),
        ["/preferences"] = ("preferences", Customers),
        ["/history"] = ("history", Customers),
        ["/my-data"] = ("my-data", Customers),
        ["/forget-me"] = ("forget-me", Customers),
        ["/forget-me/confirm"] = ("forget-me/confirm", Public),
        ["/support"] = ("support", Staff),
        ["/support/customers/{Reference}"] = ("support/customers/{demo}", Staff),
        ["/admin/questions"] = ("admin/questions", Officers),
        ["/admin/questions/new"] = ("admin/questions/new", Officers),
        ["/admin/questions/{Id:int}"] = ("admin/questions/1", Officers),
        ["/admin/feedback"] = ("admin/feedback", Officers),
        ["/admin/erasure"] = ("admin/erasure", Officers),
        ["/admin/purposes"] = ("admin/purposes", Officers),
        ["/admin/notice"] = ("admin/notice", Officers),
        ["/admin/retention"] = ("admin/retention", Officers),
        ["/admin"] = ("admin", Officers),
        ["/admin/api-clients"] = ("admin/api-clients", Officers),
        ["/admin/webhooks"] = ("admin/webhooks", Officers),
        ["/admin/imports"] = ("admin/imports", Officers),
        ["/admin/insights"] = ("admin/insights", Officers),
        // Emailed links: no sign-in on purpose (the token is the authority); a forged one is refused for everyone alike.
        ["/u/{Token}"] = ("u/not-a-token", Same("400")),
        ["/confirm/{Token}"] = ("confirm/not-a-token", Same("400")),
        ["/renew/{Token}"] = ("renew/not-a-token", Same("400")),
        ["/m/{Token}"] = ("m/not-a-token", Same("400")),
        ["/Account/Login"] = ("Account/Login", Public),
        ["/Account/Register"] = ("Account/Register", Public),
        ["/Account/RegisterConfirmation"] = ("Account/RegisterConfirmation?email=someone%40example.com", Public),
        ["/Account/ResendEmailConfirmation"] = ("Account/ResendEmailConfirmation", Public),
        ["/Account/ForgotPassword"] = ("Account/ForgotPassword", Public),
        ["/Account/ForgotPasswordConfirmation"] = ("Account/ForgotPasswordConfirmation", Public),
        ["/Account/ResetPassword"] = ("Account/ResetPassword", Same("redirect:/Account/InvalidPasswordReset")),
        ["/Account/ResetPasswordConfirmation"] = ("Account/ResetPasswordConfirmation", Public),
        ["/Account/InvalidPasswordReset"] = ("Account/InvalidPasswordReset", Public),
        ["/Account/InvalidUser"] = ("Account/InvalidUser", Public),
        ["/Account/Lockout"] = ("Account/Lockout", Public),
        ["/Account/AccessDenied"] = ("Account/AccessDenied", Public),
        ["/Account/ConfirmEmail"] = ("Account/ConfirmEmail", Same("redirect:/")),
        ["/Account/ConfirmEmailChange"] = ("Account/ConfirmEmailChange", Same("redirect:/Account/Login")),
        ["/Account/LoginWith2fa"] = ("Account/LoginWith2fa", Same("redirect:/Account/Login")),
        ["/Account/LoginWithRecoveryCode"] = ("Account/LoginWithRecoveryCode", Same("redirect:/Account/Login")),
        ["/Account/Manage"] = ("Account/Manage", SignedIn),
        ["/Account/Manage/Email"] = ("Account/Manage/Email", SignedIn),
        ["/Account/Manage/ChangePassword"] = ("Account/Manage/ChangePassword", SignedIn),
        ["/Account/Manage/SetPassword"] = ("Account/Manage/SetPassword", Except("redirect:/Account/Manage/ChangePassword", (Role.Anonymous, Login))),
        ["/Account/Manage/TwoFactorAuthentication"] = ("Account/Manage/TwoFactorAuthentication", SignedIn),
        ["/Account/Manage/EnableAuthenticator"] = ("Account/Manage/EnableAuthenticator", SignedIn),
        ["/Account/Manage/ResetAuthenticator"] = ("Account/Manage/ResetAuthenticator", SignedIn),
        ["/Account/Manage/Disable2fa"] = ("Account/Manage/Disable2fa", Except("redirect:/Account/Manage/TwoFactorAuthentication", (Role.Anonymous, Login))),
        ["/Account/Manage/GenerateRecoveryCodes"] = ("Account/Manage/GenerateRecoveryCodes", Except("redirect:/Account/Manage/TwoFactorAuthentication", (Role.Anonymous, Login))),
    };

    public static TheoryData<Role> Roles => [.. Enum.GetValues<Role>()];

    [Fact]
    public void Every_routable_page_is_in_the_table()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .ToList();

        Assert.True(routes.Count > 20, "The app's routes were not found.");
        Assert.True(routes.All(Table.ContainsKey), "Pages missing from the authorization table: " + string.Join(", ", routes.Where(r => !Table.ContainsKey(r))));
        Assert.Empty(Table.Keys.Except(routes, StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_answers_each_role_as_the_table_says(Role role)
    {
        using var client = await SignedInAsync(role);
        var demoReference = await DemoReferenceAsync();
        var wrong = new List<string>();
        foreach (var (template, (path, expected)) in Table)
        {
            var outcome = await OutcomeAsync(client, path.Replace("{demo}", demoReference, StringComparison.Ordinal));
            if (outcome != expected[role])
            {
                wrong.Add($"{template}: expected {expected[role]}, got {outcome}");
            }
        }

        Assert.True(wrong.Count == 0, $"As {role}:\n" + string.Join("\n", wrong));
    }

    private async Task<SignInClient> SignedInAsync(Role role)
    {
        var client = new SignInClient(app.BaseAddress);
        var (email, password) = role switch
        {
            Role.Customer => (DemoCustomer.Email, DemoCustomer.Password),
            Role.OtherCustomer => (OtherCustomer.Email, OtherCustomer.Password),
            Role.Support => (DemoSupport.Email, DemoSupport.Password),
            Role.Officer => (DemoOfficer.Email, DemoOfficer.Password),
            _ => (null, null),
        };
        if (email is not null)
        {
            await OtherCustomer.EnsureAsync(app);
            await client.SignInAsync(email, password!);
            Assert.True(client.IsSignedIn, $"{role} did not sign in.");
        }

        return client;
    }

    private async Task<string> DemoReferenceAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        // Through the blind index: the sign-in row holds the email sealed.
        var demoId = await app.Services.GetRequiredService<CustomerLookup>().FindByEmailAsync(DemoCustomer.Email);
        return await db.Customers.Where(c => c.Id == demoId).Select(c => c.Reference).SingleAsync();
    }

    private static async Task<string> OutcomeAsync(SignInClient client, string path)
    {
        using var response = await client.GetAsync(path);
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
        {
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var target = response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.AbsolutePath : "/" + response.Headers.Location.OriginalString.TrimStart('/').Split('?')[0];
        return target switch
        {
            "/Account/Login" when response.Headers.Location.OriginalString.Contains("ReturnUrl", StringComparison.OrdinalIgnoreCase) => Login,
            "/Account/AccessDenied" => Denied,
            _ => "redirect:" + target,
        };
    }

    private static Dictionary<Role, string> Same(string outcome) => Enum.GetValues<Role>().ToDictionary(r => r, _ => outcome);

    private static Dictionary<Role, string> Except(string outcome, params (Role Role, string Outcome)[] exceptions)
    {
        var all = Same(outcome);
        foreach (var (role, other) in exceptions)
        {
            all[role] = other;
        }

        return all;
    }
}
