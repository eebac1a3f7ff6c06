using PreferenceCenter.Data;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// Turns on SQLite's <c>secure_delete</c> for every connection the app opens (the setting is per connection, not
/// stored in the file), so deleted rows and freed pages are overwritten with zeros instead of lingering.
/// </summary>
public sealed class SecureDeleteInterceptor() : SqlitePragmasOnOpen("PRAGMA secure_delete=ON;");
