namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// Where the customer keys live: <c>ConnectionStrings:PersonalDataKeys</c>, a database of its own so that a copy
/// of the main database never carries the keys that would read it.
/// </summary>
public static class KeyStoreOptions
{
    public const string ConnectionStringName = "PersonalDataKeys";
    public const string DefaultConnectionString = "Data Source=App_Data/personal-data-keys.db";
}
