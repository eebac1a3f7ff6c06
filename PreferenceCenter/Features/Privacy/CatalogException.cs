namespace PreferenceCenter.Features.Privacy;

/// <summary>A catalog that cannot be published, with every reason at once so it can be fixed in one go.</summary>
public sealed class CatalogException(IReadOnlyList<string> problems)
    : Exception("The catalog cannot be published: " + string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
