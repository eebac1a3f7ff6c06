using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PreferenceCenter.Data;

/// <summary>
/// A prepared INSERT or UPDATE of one entity type, built from the EF model (table, columns, value converters and
/// provider types, so rows are stored exactly as <c>SaveChanges</c> stores them) and run row after row with no
/// change tracking. For hot paths only: in a group commit of link withdrawals, <c>SaveChanges</c> was the largest
/// single cost. It runs on the context's open connection inside its transaction, so the commit stays all or nothing
/// and the connection keeps what the interceptors set on it. Made by <see cref="RowCommandExtensions"/>. The same on
/// SQLite and PostgreSQL: names quoted and parameters named by the provider, values converted by the model's mappings
/// (times as UTC milliseconds, enums as integers), rows affected as the server counts them. On PostgreSQL alone,
/// <see cref="QueueAll"/> writes many entities with one statement over arrays, from the same columns.
/// </summary>
public sealed class RowCommand<TEntity> : IAsyncDisposable where TEntity : class
{
    // The SQL and its columns, worked out from the model once per statement shape: a consent change builds two
    // commands per change, and walking the model and joining the SQL cost as much as running them.
    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<string, Template>> Templates = [];

    private readonly DbContext db;
    private readonly DbCommand command;
    private readonly Column[] values;
    private readonly Column[] tokens;
    private readonly string setSql;
    private readonly IRelationalCommandDiagnosticsLogger logger;
    private readonly IRelationalConnection connection;
    private bool prepared;

    private RowCommand(DbContext db, DbCommand command, Column[] values, Column[] tokens, string setSql)
    {
        this.db = db;
        this.command = command;
        this.values = values;
        this.tokens = tokens;
        this.setSql = setSql;
        logger = db.GetService<IRelationalCommandDiagnosticsLogger>();
        connection = db.GetService<IRelationalConnection>();
    }

    /// <summary>
    /// Inserts every mapped property: keys included (the caller assigns them), or, with <paramref name="databaseAssignsKey"/>,
    /// all but a key the database generates on insert (SQLite's autoincrement), which is then left to it.
    /// </summary>
    internal static RowCommand<TEntity> Insert(DbContext db, bool databaseAssignsKey = false) =>
        Prepared(db, databaseAssignsKey ? "insert-new-key" : "insert", (entity, sql) =>
        {
            var values = Columns(sql, entity.GetProperties().Where(p => !databaseAssignsKey || !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd)), "v", 0);
            var table = sql.DelimitIdentifier(entity.GetTableName()!);
            var columns = string.Join(", ", values.Select(c => c.Name));
            return new Template(
                $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", values.Select(c => c.ParameterName))})",
                values, [],
                $"INSERT INTO {table} ({columns}) SELECT * FROM unnest({Arrays(values)})");
        });

    /// <summary>
    /// Updates the named properties of the row with the entity's key, only while its concurrency tokens still hold
    /// the values the caller read: a row changed meanwhile is left alone and counted as zero rows.
    /// </summary>
    internal static RowCommand<TEntity> Update(DbContext db, IReadOnlyList<string> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return Prepared(db, $"update:{string.Join(',', properties)}", (entity, sql) =>
        {
            var set = Columns(sql, properties.Select(p => entity.FindProperty(p) ?? throw new ArgumentException($"{typeof(TEntity).Name} has no property {p}.", nameof(properties))), "v", 0);
            var keys = Columns(sql, entity.FindPrimaryKey()!.Properties, "k", set.Length);
            var tokens = Columns(sql, entity.GetProperties().Where(p => p.IsConcurrencyToken), "t", set.Length + keys.Length);
            var table = sql.DelimitIdentifier(entity.GetTableName()!);
            ColumnSpec[] all = [.. set, .. keys, .. tokens];
            return new Template(
                $"UPDATE {table} SET {string.Join(", ", set.Select(c => $"{c.Name} = {c.ParameterName}"))} " +
                $"WHERE {string.Join(" AND ", keys.Concat(tokens).Select(c => $"{c.Name} = {c.ParameterName}"))}",
                [.. set, .. keys], tokens,
                // The row's own values come from the unnested arrays, one row of them per entity, named v0, v1, ... in order.
                $"UPDATE {table} AS t SET {string.Join(", ", set.Select((c, i) => $"{c.Name} = v.v{i}"))} " +
                $"FROM unnest({Arrays(all)}) AS v({string.Join(", ", all.Select((_, i) => $"v{i}"))}) " +
                $"WHERE {string.Join(" AND ", keys.Concat(tokens).Select((c, i) => $"t.{c.Name} = v.v{set.Length + i}"))}");
        });
    }

    /// <summary>Runs the statement for one entity; for an update, <paramref name="originalTokens"/> are the concurrency tokens as read.</summary>
    public async Task<int> ExecuteAsync(TEntity entity, IReadOnlyList<object?>? originalTokens = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if ((originalTokens?.Count ?? 0) != tokens.Length)
        {
            throw new ArgumentException($"Expected {tokens.Length} original concurrency token value(s).", nameof(originalTokens));
        }

        foreach (var column in values)
        {
            column.Set(column.Spec.Property.GetGetter().GetClrValueUsingContainingEntity(entity));
        }

        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i].Set(originalTokens![i]);
        }

        // Prepared once, on the first run, then only the parameter values change from row to row. Not when built:
        // on Npgsql preparing is a round trip to the server, and it is made without blocking a thread here.
        if (!prepared)
        {
            await command.PrepareAsync(cancellationToken);
            prepared = true;
        }

        // Through EF's command diagnostics, as SaveChanges' own commands go: its interceptors and logging see this
        // statement too (the fault harness fails it like any other step; the SQL shows in EF's command log).
        var commandId = Guid.NewGuid();
        var start = DateTimeOffset.UtcNow;
        try
        {
            var interception = await logger.CommandNonQueryExecutingAsync(
                connection, command, command.CommandText, db, commandId, connection.ConnectionId, start, CommandSource.SaveChanges, cancellationToken);
            var rows = interception.HasResult ? interception.Result : await command.ExecuteNonQueryAsync(cancellationToken);
            return await logger.CommandNonQueryExecutedAsync(
                connection, command, command.CommandText, db, commandId, connection.ConnectionId, rows, start, DateTimeOffset.UtcNow - start, CommandSource.SaveChanges, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await logger.CommandErrorAsync(
                connection, command, command.CommandText, db, DbCommandMethod.ExecuteNonQuery, commandId, connection.ConnectionId, e, start, DateTimeOffset.UtcNow - start,
                CommandSource.SaveChanges, cancellationToken);
            throw;
        }
    }

    /// <summary>
    /// PostgreSQL only: queues the statement for all <paramref name="entities"/> as one statement over arrays (one
    /// parameter per column, <c>unnest</c>ed into rows) instead of running it now for each entity. In a
    /// group commit of a hundred withdrawals the server parsed, planned and ran two hundred statements, and both ends
    /// handled thousands of parameters; this is two statements. Once the batch has run, the returned command's
    /// <see cref="DbBatchCommand.RecordsAffected"/> counts the rows of all of them: for an update, fewer than
    /// <paramref name="entities"/> means a row changed since it was read. One entity per row: an update listing a row
    /// twice changes it once.
    /// </summary>
    public DbBatchCommand QueueAll(DbBatch batch, IReadOnlyList<TEntity> entities, IReadOnlyList<IReadOnlyList<object?>>? originalTokens = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(entities);
        // One list of original tokens per entity when the entity has tokens; none at all when it has none.
        var tokensFit = tokens.Length == 0
            ? originalTokens is null or { Count: 0 }
            : originalTokens?.Count == entities.Count && originalTokens.All(t => t.Count == tokens.Length);
        if (!tokensFit)
        {
            throw new ArgumentException($"Expected {tokens.Length} original concurrency token value(s) for each entity.", nameof(originalTokens));
        }

        var queued = batch.CreateBatchCommand();
        queued.CommandText = setSql;
        foreach (var column in values)
        {
            queued.Parameters.Add(column.Spec.Array(command, entities.Select(e => column.Spec.Property.GetGetter().GetClrValueUsingContainingEntity(e)).ToList()));
        }

        for (var i = 0; i < tokens.Length; i++)
        {
            queued.Parameters.Add(tokens[i].Spec.Array(command, originalTokens!.Select(t => t[i]).ToList()));
        }

        batch.BatchCommands.Add(queued);
        return queued;
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();

    // Each column's values as one array parameter cast to the column's store type, for the set-based statements.
    private static string Arrays(IEnumerable<ColumnSpec> columns) =>
        string.Join(", ", columns.Select(c => $"{c.ParameterName}::{c.Mapping.StoreType}[]"));

    private static RowCommand<TEntity> Prepared(DbContext db, string shape, Func<IEntityType, ISqlGenerationHelper, Template> build)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A row command runs inside the caller's write transaction; begin it first.");
        var template = Templates.GetValue(db.Model, _ => new ConcurrentDictionary<string, Template>())
            .GetOrAdd(shape, _ => build(
                db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model."),
                db.GetService<ISqlGenerationHelper>()));
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = template.Sql;
        var values = template.Values.Select(spec => spec.AddTo(command)).ToArray();
        var tokens = template.Tokens.Select(spec => spec.AddTo(command)).ToArray();
        return new RowCommand<TEntity>(db, command, values, tokens, template.SetSql);
    }

    private static ColumnSpec[] Columns(ISqlGenerationHelper sql, IEnumerable<IProperty> properties, string prefix, int first) =>
        [.. properties.Select((property, i) => new ColumnSpec(
            sql.DelimitIdentifier(property.GetColumnName()), property, property.GetRelationalTypeMapping(),
            sql.GenerateParameterName($"{prefix}{first + i}")))];

    private sealed record Template(string Sql, ColumnSpec[] Values, ColumnSpec[] Tokens, string SetSql);

    private sealed record ColumnSpec(string Name, IProperty Property, RelationalTypeMapping Mapping, string ParameterName)
    {
        public Column AddTo(DbCommand command)
        {
            var parameter = Mapping.CreateParameter(command, ParameterName, null, Property.IsNullable);
            command.Parameters.Add(parameter);
            return new Column(this, parameter);
        }

        public object ProviderValue(object? value) => (Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;

        /// <summary>The values, converted as stored, in one typed array parameter (a nullable element type for a nullable value column).</summary>
        public DbParameter Array(DbCommand command, List<object?> values)
        {
            var provider = Mapping.Converter?.ProviderClrType ?? Mapping.ClrType;
            provider = Nullable.GetUnderlyingType(provider) ?? provider;
            var element = provider.IsValueType && Property.IsNullable ? typeof(Nullable<>).MakeGenericType(provider) : provider;
            var array = System.Array.CreateInstance(element, values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                var value = ProviderValue(values[i]);
                array.SetValue(value is DBNull ? null : value, i);
            }

            var parameter = command.CreateParameter();
            parameter.ParameterName = ParameterName;
            parameter.Value = array;
            return parameter;
        }
    }

    private sealed record Column(ColumnSpec Spec, DbParameter Parameter)
    {
        public void Set(object? value) => Parameter.Value = Spec.ProviderValue(value);
    }
}
