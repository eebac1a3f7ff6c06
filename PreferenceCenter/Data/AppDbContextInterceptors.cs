using Microsoft.EntityFrameworkCore.Diagnostics;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Data;

/// <summary>The interceptors every <see cref="AppDbContext"/> runs with, in the app and outside it (tests, tools); all stateless.</summary>
public static class AppDbContextInterceptors
{
    public static IReadOnlyList<IInterceptor> All { get; } = [new AppendOnlyLedgerGuard(), new SqliteConnectionSettings()];
}
