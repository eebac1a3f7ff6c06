namespace PreferenceCenter.Features.Consents;

/// <summary>
/// What every consent write decides before staging anything: a refusal, an outdated view, or nothing to do. Shared
/// by <see cref="ConsentService.SetAsync"/> and the withdrawal batch, so both answer the same change the same way.
/// </summary>
public static class ConsentPrecheck
{
    /// <summary>The outcome of a change that is refused, outdated or changes nothing; null when it goes ahead.</summary>
    public static ConsentChangeResult? Decide(ConsentChange change, ConsentChangeContext context, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(context);
        var (status, purpose, notice, consent) = context;
        var problem = ConsentRules.Check(change, status, purpose);
        if (problem is not null)
        {
            return Rejected(problem.Value, change);
        }

        if (notice is null)
        {
            return Rejected(ConsentProblem.NoPublishedNotice, change);
        }

        if (change.ExpectedVersion != ConsentChange.AnyVersion && (consent?.Version ?? 0) != change.ExpectedVersion)
        {
            return Conflict(change, ConsentRules.ToCell(change.PurposeKey, change.Channel, consent, now));
        }

        return ConsentRules.IsUnchanged(consent, change.Grant, now)
            ? ConsentChangeResult.Unchanged(ConsentRules.ToCell(change.PurposeKey, change.Channel, consent, now))
            : null;
    }

    public static ConsentChangeResult Rejected(ConsentProblem problem, ConsentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return ConsentChangeResult.Rejected(problem, ConsentRules.Describe(problem, change.PurposeKey, change.Channel));
    }

    public static ConsentChangeResult Conflict(ConsentChange change, ConsentCell current)
    {
        ArgumentNullException.ThrowIfNull(change);
        return ConsentChangeResult.Conflict(current, ConsentRules.Describe(ConsentProblem.ChangedElsewhere, change.PurposeKey, change.Channel));
    }
}
