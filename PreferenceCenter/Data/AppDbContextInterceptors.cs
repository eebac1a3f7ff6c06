using Microsoft.EntityFrameworkCore.Diagnostics;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Data;

/// <summary>The interceptors every <see cref="AppDbContext"/> runs with, in the app and outside it (tests, tools); all stateless.</summary>
public static class AppDbContextInterceptors
{
    /// <summary>On SQLite: the ledger guard and the per-connection pragmas.</summary>
    public static IReadOnlyList<IInterceptor> All { get; } = [new AppendOnlyLedgerGuard(), new SqliteConnectionSettings()];

    /// <summary>On PostgreSQL the settings live with the server; the ledger guard, and no NUL in text saved or looked up (the server refuses it).</summary>
    public static IReadOnlyList<IInterceptor> PostgreSql { get; } = [new AppendOnlyLedgerGuard(), new NulFreeText(), new NulFreeParameters()];
}
