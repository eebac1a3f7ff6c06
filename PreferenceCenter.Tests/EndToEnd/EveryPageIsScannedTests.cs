using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>Adding a page without an accessibility scan (or a stated reason why not) fails here.</summary>
public sealed class EveryPageIsScannedTests
{
    /// <summary>Pages reached only with state a plain visit cannot have; each says where it is exercised instead.</summary>
    private static readonly Dictionary<string, string> NotScannedDirectly = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/Account/ConfirmEmail"] = "needs the one-time code from the confirmation email; NewCustomerJourneyTests opens it",
        ["/Account/ConfirmEmailChange"] = "needs the one-time code from an email-change email",
        ["/Account/ResetPassword"] = "needs the one-time code from a reset email; without one it redirects to InvalidPasswordReset (scanned)",
        ["/Account/LoginWith2fa"] = "needs a sign-in half-way through two-factor authentication",
        ["/Account/LoginWithRecoveryCode"] = "needs a sign-in half-way through two-factor authentication",
        ["/Account/Manage/Disable2fa"] = "only for accounts with 2FA on; otherwise it redirects to TwoFactorAuthentication (scanned)",
        ["/Account/Manage/GenerateRecoveryCodes"] = "only for accounts with 2FA on; otherwise it redirects to TwoFactorAuthentication (scanned)",
        ["/Account/Manage/SetPassword"] = "only for accounts without a password, which sign-up by email and password never creates",
        ["/support/customers/{Reference}"] = "needs a customer's reference, which no seed fixes; AccessibilityTests reaches it through the search and scans it before and while acting",
        ["/admin/questions/{Id:int}"] = "needs a question's id, which no seed fixes; it is the same form as /admin/questions/new (scanned, also with its problems shown)",
    };

    [Fact]
    public void EveryRoutablePage_IsScannedOrHasAStatedReason()
    {
        var scanned = typeof(AccessibilityTests).GetMethods()
            .SelectMany(m => m.GetCustomAttributes<InlineDataAttribute>())
            .Select(a => "/" + ((string)a.GetData(null!).Single()[0]).Split('?')[0])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .ToList();

        var unscanned = routes.Where(r => !scanned.Contains(r) && !NotScannedDirectly.ContainsKey(r)).ToList();

        Assert.True(routes.Count > 20, "The app's routes were not found.");
        Assert.True(unscanned.Count == 0, "Pages with no accessibility scan: " + string.Join(", ", unscanned));
        Assert.Empty(NotScannedDirectly.Keys.Except(routes, StringComparer.OrdinalIgnoreCase));
    }
}
