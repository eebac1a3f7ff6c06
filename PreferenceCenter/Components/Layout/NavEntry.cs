using PreferenceCenter.Features.Accounts;

namespace PreferenceCenter.Components.Layout;

/// <summary>One link of the main menu: where it goes, its text's key, and who sees it.</summary>
/// <param name="Policy">The policy the reader must meet; null when the link is for everyone (or every signed-in reader).</param>
/// <param name="Exact">Marked current only on its own address, not on the pages under it ("admin" vs "admin/questions").</param>
public sealed record NavEntry(string Href, string TextKey, string? Policy = null, bool SignedInOnly = false, bool Exact = false)
{
    public static IReadOnlyList<NavEntry> All { get; } =
    [
        new("privacy", "Nav.Privacy"),
        new("preferences", "Nav.Preferences", Policies.Customer),
        new("history", "Nav.History", Policies.Customer),
        new("my-data", "MyData.Nav", Policies.Customer),
        new("forget-me", "Erasure.Nav", Policies.Customer),
        new("support", "Support.Nav", Policies.SupportAgent),
        new("admin", "Compliance.Nav", Policies.PrivacyOfficer, Exact: true),
        new("admin/questions", "Admin.Nav.Questions", Policies.PrivacyOfficer),
        new("admin/feedback", "Admin.Nav.Feedback", Policies.PrivacyOfficer),
        new("admin/insights", "Insights.Nav", Policies.PrivacyOfficer),
        new("admin/erasure", "Erasure.Nav.Queue", Policies.PrivacyOfficer),
        new("admin/purposes", "Lifecycle.Nav.Purposes", Policies.PrivacyOfficer),
        new("admin/notice", "Notice.Nav", Policies.PrivacyOfficer),
        new("admin/retention", "Retention.Nav", Policies.PrivacyOfficer),
        new("admin/api-clients", "Api.Nav", Policies.PrivacyOfficer),
        new("admin/webhooks", "Webhooks.Nav", Policies.PrivacyOfficer),
        new("admin/imports", "Import.Nav", Policies.PrivacyOfficer),
        new("Account/Manage", "Nav.Account", SignedInOnly: true),
    ];

    /// <summary>
    /// Whether the reader is on this link's page, as NavLink decides: the same path, or (unless exact) a page under it.
    /// The query and fragment do not count; letters' case does not either.
    /// </summary>
    public bool IsCurrent(string currentPath)
    {
        var path = currentPath.Split('?', '#')[0].TrimEnd('/');
        if (string.Equals(path, Href, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return !Exact && path.StartsWith(Href + "/", StringComparison.OrdinalIgnoreCase);
    }
}
