using Microsoft.Data.Sqlite;

namespace PreferenceCenter.Data;

/// <summary>One statement a <see cref="KeptSqliteConnection"/> keeps prepared, and whether a reader is still reading it.</summary>
internal sealed class KeptSqliteStatement : SqliteCommand
{
    public KeptSqliteStatement(string commandText, SqliteConnection connection)
        : base(commandText, connection)
    {
    }

    /// <summary>A reader of this statement is still open: a second use now gets a statement of its own.</summary>
    public bool Busy => DataReader is not null;
}
