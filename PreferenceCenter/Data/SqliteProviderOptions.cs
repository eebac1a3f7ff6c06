using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PreferenceCenter.Data;

/// <summary>How the app talks to SQLite, the same for the app's contexts and for those built outside its container.</summary>
public static class SqliteProviderOptions
{
    /// <summary>
    /// A list in a query (<c>Contains</c>) goes as one JSON parameter, not one parameter per value: SQLite finds named
    /// parameters by a linear search, so a thousand of them cost a quadratic lookup, and the SQL would be built again
    /// for every list length (ADR 0007). Compiled queries cannot say <c>EF.Parameter</c>, so this is the default.
    /// </summary>
    public static void Apply(SqliteDbContextOptionsBuilder sqlite)
    {
        ArgumentNullException.ThrowIfNull(sqlite);
        sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter);
    }
}
