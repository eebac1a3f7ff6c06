namespace PreferenceCenter.Features.Common;

/// <summary>The spelling of a request channel in the ledger: stored and hashed, so it never changes.</summary>
public static class RequestChannels
{
    public static IReadOnlyList<RequestChannel> All { get; } = Enum.GetValues<RequestChannel>();

    public static string ToLedgerValue(this RequestChannel channel) => channel switch
    {
        RequestChannel.Phone => "phone",
        RequestChannel.Email => "email",
        RequestChannel.Letter => "letter",
        RequestChannel.InPerson => "in-person",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };

    /// <summary>Reads a ledger value back; null for anything this version does not know.</summary>
    public static RequestChannel? FromLedgerValue(string? value) =>
        All.Cast<RequestChannel?>().FirstOrDefault(c => c!.Value.ToLedgerValue() == value);
}
