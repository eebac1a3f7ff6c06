using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Messaging.Links;

/// <summary>
/// How a change made from an emailed link records which email it came from, in its ledger entry's detail:
/// "email-of:2026-12-03T09:00:00.000Z", the moment the link was issued (when the email was written). A link that does
/// not carry that moment records nothing, and history then says "from the link in one of our emails".
/// </summary>
public static class LinkOrigin
{
    private const string Prefix = "email-of:";

    public static string? Record(DateTimeOffset? issuedAt) => issuedAt is { } moment ? Prefix + LedgerTime.Format(moment) : null;

    public static string? Record(LinkToken? token) => Record(token?.IssuedAt);

    public static DateTimeOffset? Read(string? detail) =>
        detail is not null && detail.StartsWith(Prefix, StringComparison.Ordinal) ? LedgerTime.Parse(detail[Prefix.Length..]) : null;
}
