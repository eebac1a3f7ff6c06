namespace PreferenceCenter.Features.Api.Clients;

/// <summary>What an API client may do. The words are part of the API's contract: they never change meaning.</summary>
public static class ApiScopes
{
    /// <summary>Ask "may we contact them?" and reserve a contact.</summary>
    public const string Decisions = "decisions";

    /// <summary>Read a customer's consents by reference.</summary>
    public const string ConsentsRead = "consents:read";

    /// <summary>Record a consent given or withdrawn elsewhere, with its evidence.</summary>
    public const string ConsentsWrite = "consents:write";

    /// <summary>Pull the suppression list (by reference) and check addresses against it.</summary>
    public const string SuppressionsRead = "suppressions:read";

    /// <summary>With <see cref="SuppressionsRead"/>: the list also carries each live customer's email address.</summary>
    public const string SuppressionsAddresses = "suppressions:addresses";

    /// <summary>Import a CSV file of consents gathered elsewhere, with their evidence.</summary>
    public const string ConsentsImport = "consents:import";

    public static IReadOnlyList<string> All { get; } = [Decisions, ConsentsRead, ConsentsWrite, SuppressionsRead, SuppressionsAddresses, ConsentsImport];

    public static bool IsKnown(string scope) => All.Contains(scope);

    public static IReadOnlyList<string> Parse(string? stored) =>
        (stored ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Known scopes in the order of <see cref="All"/>, once each, as stored.</summary>
    public static string Format(IEnumerable<string> scopes) => string.Join(' ', All.Intersect(scopes));
}
