using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PreferenceCenter.Data;

/// <summary>
/// A compiled query per EF model. EF binds a compiled query to the model it first runs with, and one process can
/// hold several (test hosts, standalone contexts); each gets its own compiled delegate, created once.
/// </summary>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> byModel = [];

    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return byModel.GetValue(db.Model, _ => compile());
    }
}
