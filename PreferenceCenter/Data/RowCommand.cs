using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PreferenceCenter.Data;

/// <summary>
/// A prepared INSERT or UPDATE of one entity type, built from the EF model (table, columns, value converters and
/// provider types, so rows are stored exactly as <c>SaveChanges</c> stores them) and run row after row with no
/// change tracking. For hot paths only: in a group commit of link withdrawals, <c>SaveChanges</c> was the largest
/// single cost. It runs on the context's open connection inside its transaction, so the commit stays all or nothing
/// and the connection keeps what the interceptors set on it. Made by <see cref="RowCommandExtensions"/>.
/// </summary>
public sealed class RowCommand<TEntity> : IAsyncDisposable where TEntity : class
{
    private readonly DbCommand command;
    private readonly Column[] values;
    private readonly Column[] tokens;

    private RowCommand(DbCommand command, Column[] values, Column[] tokens)
    {
        this.command = command;
        this.values = values;
        this.tokens = tokens;
    }

    /// <summary>Inserts every mapped property (keys included: the caller assigns them).</summary>
    internal static RowCommand<TEntity> Insert(DbContext db)
    {
        var (entity, sql, command) = Start(db);
        var values = Columns(command, sql, entity.GetProperties(), "v");
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(entity.GetTableName()!)} ({string.Join(", ", values.Select(c => c.Name))}) " +
            $"VALUES ({string.Join(", ", values.Select(c => c.Parameter.ParameterName))})";
        return Prepared(command, values, []);
    }

    /// <summary>
    /// Updates the named properties of the row with the entity's key, only while its concurrency tokens still hold
    /// the values the caller read: a row changed meanwhile is left alone and counted as zero rows.
    /// </summary>
    internal static RowCommand<TEntity> Update(DbContext db, IReadOnlyList<string> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var (entity, sql, command) = Start(db);
        var set = Columns(command, sql, properties.Select(p => entity.FindProperty(p) ?? throw new ArgumentException($"{typeof(TEntity).Name} has no property {p}.", nameof(properties))), "v");
        var keys = Columns(command, sql, entity.FindPrimaryKey()!.Properties, "k");
        var tokens = Columns(command, sql, entity.GetProperties().Where(p => p.IsConcurrencyToken), "t");
        command.CommandText =
            $"UPDATE {sql.DelimitIdentifier(entity.GetTableName()!)} SET {string.Join(", ", set.Select(c => $"{c.Name} = {c.Parameter.ParameterName}"))} " +
            $"WHERE {string.Join(" AND ", keys.Concat(tokens).Select(c => $"{c.Name} = {c.Parameter.ParameterName}"))}";
        return Prepared(command, [.. set, .. keys], tokens);
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
            column.Set(column.Property.GetGetter().GetClrValueUsingContainingEntity(entity));
        }

        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i].Set(originalTokens![i]);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();

    private static (IEntityType Entity, ISqlGenerationHelper Sql, DbCommand Command) Start(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A row command runs inside the caller's write transaction; begin it first.");
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        return (entity, db.GetService<ISqlGenerationHelper>(), command);
    }

    private static Column[] Columns(DbCommand command, ISqlGenerationHelper sql, IEnumerable<IProperty> properties, string prefix) =>
        [.. properties.Select(property =>
        {
            var mapping = property.GetRelationalTypeMapping();
            var parameter = mapping.CreateParameter(command, sql.GenerateParameterName($"{prefix}{command.Parameters.Count}"), null, property.IsNullable);
            command.Parameters.Add(parameter);
            return new Column(sql.DelimitIdentifier(property.GetColumnName()), property, mapping, parameter);
        })];

    private static RowCommand<TEntity> Prepared(DbCommand command, Column[] values, Column[] tokens)
    {
        // Prepared once per batch, then only the parameter values change from row to row.
        command.Prepare();
        return new RowCommand<TEntity>(command, values, tokens);
    }

    private sealed record Column(string Name, IProperty Property, RelationalTypeMapping Mapping, DbParameter Parameter)
    {
        public void Set(object? value) => Parameter.Value = (Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
    }
}
