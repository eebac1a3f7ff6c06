namespace PreferenceCenter.Data;

/// <summary>The store the app runs on (<c>Database:Provider</c>): SQLite embedded by default, PostgreSQL to outgrow one machine.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}
