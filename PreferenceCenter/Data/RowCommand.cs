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
/// (times as UTC milliseconds, enums as integers), rows affected as the server counts them.
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
    private readonly IRelationalCommandDiagnosticsLogger logger;
    private readonly IRelationalConnection connection;
    private bool prepared;

    private RowCommand(DbContext db, DbCommand command, Column[] values, Column[] tokens)
    {
        this.db = db;
        this.command = command;
        this.values = values;
        this.tokens = tokens;
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
            return new Template(
                $"INSERT INTO {sql.DelimitIdentifier(entity.GetTableName()!)} ({string.Join(", ", values.Select(c => c.Name))}) " +
                $"VALUES ({string.Join(", ", values.Select(c => c.ParameterName))})",
                values, []);
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
            return new Template(
                $"UPDATE {sql.DelimitIdentifier(entity.GetTableName()!)} SET {string.Join(", ", set.Select(c => $"{c.Name} = {c.ParameterName}"))} " +
                $"WHERE {string.Join(" AND ", keys.Concat(tokens).Select(c => $"{c.Name} = {c.ParameterName}"))}",
                [.. set, .. keys], tokens);
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
    /// Queues the statement for one entity in <paramref name="batch"/> instead of running it now: on PostgreSQL a batch
    /// goes to the server in one round trip, where each statement run alone costs one. Once the batch has run, the
    /// returned command's <see cref="DbBatchCommand.RecordsAffected"/> is what <see cref="ExecuteAsync"/> would have
    /// returned. A batch bypasses EF's command interceptors: values are converted here as above, and ledger text is
    /// already free of NUL (<c>LedgerText</c>).
    /// </summary>
    public DbBatchCommand Queue(DbBatch batch, TEntity entity, IReadOnlyList<object?>? originalTokens = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(entity);
        if ((originalTokens?.Count ?? 0) != tokens.Length)
        {
            throw new ArgumentException($"Expected {tokens.Length} original concurrency token value(s).", nameof(originalTokens));
        }

        var queued = batch.CreateBatchCommand();
        queued.CommandText = command.CommandText;
        foreach (var column in values)
        {
            queued.Parameters.Add(column.Spec.Parameter(command, column.Spec.Property.GetGetter().GetClrValueUsingContainingEntity(entity)));
        }

        for (var i = 0; i < tokens.Length; i++)
        {
            queued.Parameters.Add(tokens[i].Spec.Parameter(command, originalTokens![i]));
        }

        batch.BatchCommands.Add(queued);
        return queued;
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();

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
        return new RowCommand<TEntity>(db, command, values, tokens);
    }

    private static ColumnSpec[] Columns(ISqlGenerationHelper sql, IEnumerable<IProperty> properties, string prefix, int first) =>
        [.. properties.Select((property, i) => new ColumnSpec(
            sql.DelimitIdentifier(property.GetColumnName()), property, property.GetRelationalTypeMapping(),
            sql.GenerateParameterName($"{prefix}{first + i}")))];

    private sealed record Template(string Sql, ColumnSpec[] Values, ColumnSpec[] Tokens);

    private sealed record ColumnSpec(string Name, IProperty Property, RelationalTypeMapping Mapping, string ParameterName)
    {
        public Column AddTo(DbCommand command)
        {
            var parameter = Mapping.CreateParameter(command, ParameterName, null, Property.IsNullable);
            command.Parameters.Add(parameter);
            return new Column(this, parameter);
        }

        /// <summary>A parameter of its own holding <paramref name="value"/> (the mapping converts it as stored), for a batched statement.</summary>
        public DbParameter Parameter(DbCommand command, object? value) =>
            Mapping.CreateParameter(command, ParameterName, value, Property.IsNullable);

        public object ProviderValue(object? value) => (Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
    }

    private sealed record Column(ColumnSpec Spec, DbParameter Parameter)
    {
        public void Set(object? value) => Parameter.Value = Spec.ProviderValue(value);
    }
}
