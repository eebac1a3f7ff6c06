using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Preferences.ContactRules;
using PreferenceCenter.Features.Consents.Lifecycle;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Data;

/// <summary>
/// Only consents that can end are in the expiry index (a partial index), so each job's query must still be one that
/// SQLite answers from it: a query it cannot prove non-null for would quietly scan the whole table.
/// </summary>
[SqliteOnly("reads SQLite's EXPLAIN QUERY PLAN; PostgreSqlStoreTests.ExpiryIndex_… checks the partial index on PostgreSQL")]
public sealed partial class ExpiryIndexTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheExpiryJobsQuery_IsAnsweredFromTheExpiryIndex()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

        Assert.Contains("USING INDEX IX_Consents_ExpiresAt", await PlanAsync(db, LapseRecorder.Lapsed(db, Now)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReminderJobsQuery_IsAnsweredFromTheExpiryIndex()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

        Assert.Contains("USING INDEX IX_Consents_ExpiresAt", await PlanAsync(db, RenewalReminderSender.Due(db, new ContactPauses(), Now, Now.AddDays(30))), StringComparison.Ordinal);
    }

    // SQLite's own plan for the SQL EF sends, with EF's parameter values bound.
    private static async Task<string> PlanAsync<T>(DbContext db, IQueryable<T> query)
    {
        var lines = query.ToQueryString().Split('\n');
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        foreach (var match in lines.Select(l => ParamLine().Match(l)).Where(m => m.Success))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = match.Groups[1].Value;
            var value = match.Groups[2].Value.Trim();
            parameter.Value = long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : value.Trim('\'');
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return string.Join('\n', plan);
    }

    [GeneratedRegex(@"^\.param set (@\w+) (.+)$")]
    private static partial Regex ParamLine();
}
