using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PreferenceCenter.Data;

/// <summary>
/// <see cref="NulFreeText"/> for what is looked up rather than saved: PostgreSQL refuses a NUL in any text parameter
/// (22021), so "find the user whose id is U+0000" or "the purpose named U+0000" from a script was a 500 where SQLite
/// simply finds nothing. Every string parameter (and list of strings, as in <c>= ANY(@ids)</c>) has its NULs replaced
/// by U+FFFD before the command runs: the value such text was stored as, so the lookup answers as SQLite's does.
/// </summary>
public sealed class NulFreeParameters : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Clean(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Clean(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Clean(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Clean(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Clean(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Clean(command);
        return ValueTask.FromResult(result);
    }

    private static void Clean(DbCommand command)
    {
        foreach (DbParameter parameter in command.Parameters)
        {
            switch (parameter.Value)
            {
                case string text when HasNul(text):
                    parameter.Value = WithoutNul(text);
                    break;
                case string?[] texts when texts.Any(HasNul):
                    parameter.Value = texts.Select(WithoutNul).ToArray();
                    break;
                case List<string?> texts when texts.Any(HasNul):
                    parameter.Value = texts.Select(WithoutNul).ToList();
                    break;
            }
        }
    }

    private static bool HasNul(string? text) => text is not null && text.Contains('\0', StringComparison.Ordinal);

    /// <summary>The text as it is looked up: each NUL as U+FFFD, the character such text was stored with.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? WithoutNul(string? text) => text?.Replace('\0', '\uFFFD');
}
