using Microsoft.Extensions.Localization;

namespace PreferenceCenter.Features.History;

/// <summary>
/// The history sentences for staff: each key that speaks to the customer ("You turned off…") has a "Staff." twin in
/// the third person ("The customer turned off…"), read instead; keys that name nobody are shared.
/// </summary>
internal sealed class ReaderWording(IStringLocalizer inner, HistoryReader reader) : IStringLocalizer
{
    public const string StaffPrefix = "Staff.";

    public LocalizedString this[string name] => Pick(name, key => inner[key]);

    public LocalizedString this[string name, params object[] arguments] => Pick(name, key => inner[key, arguments]);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

    private LocalizedString Pick(string name, Func<string, LocalizedString> read)
    {
        if (reader == HistoryReader.Staff && read(StaffPrefix + name) is { ResourceNotFound: false } staff)
        {
            return new LocalizedString(name, staff.Value);
        }

        return read(name);
    }
}
