using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>Frequency limits and pauses per channel. Each change and its ledger entry commit in one transaction.</summary>
public sealed class ContactRulesService(IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, TimeProvider time)
{
    public async Task<IReadOnlyDictionary<Channel, ContactRuleView>> GetAsync(Guid customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = await db.ContactRules.AsNoTracking().Where(r => r.CustomerId == customerId).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return ChannelSetExtensions.AllChannels.ToDictionary(
            channel => channel,
            channel => rules.FirstOrDefault(r => r.Channel == channel) is { } rule
                ? new ContactRuleView(channel, rule.Frequency, rule.PausedUntil > now ? rule.PausedUntil : null)
                : ContactRuleView.Default(channel));
    }

    /// <param name="seen">The frequency the customer saw before choosing; if it changed elsewhere meanwhile, nothing is overwritten.</param>
    /// <param name="detail">Recorded in the ledger entry: which email's link the change came from, if it did.</param>
    public async Task<PreferenceChangeResult> SetFrequencyAsync(
        Guid customerId, Channel channel, ContactFrequency frequency, ContactFrequency seen, Actor actor, ChangeSource source,
        string? detail = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var problem = await SubjectCheck.CheckAsync(db, customerId, actor, cancellationToken)
            ?? (!Enum.IsDefined(channel) ? PreferenceProblem.UnknownChannel
            : !Enum.IsDefined(frequency) ? PreferenceProblem.UnknownFrequency : null);
        if (problem is not null)
        {
            return PreferenceChangeResult.Rejected(problem.Value);
        }

        var rule = await FindOrAddAsync(db, customerId, channel, cancellationToken);
        if (rule.Frequency == frequency)
        {
            return PreferenceChangeResult.Unchanged;
        }

        if (rule.Frequency != seen)
        {
            return PreferenceChangeResult.Conflict;
        }

        var now = time.GetUtcNowToMillisecond();
        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.ContactFrequencyChanged, actor, customerId, source, Channel: channel,
            Before: ContactFrequencyNames.Of(rule.Frequency), After: ContactFrequencyNames.Of(frequency), Detail: detail), cancellationToken);
        rule.Frequency = frequency;
        rule.ChangedAt = now;
        rule.Version++;
        return await PreferenceWrites.CommitAsync(db, tx, now, cancellationToken);
    }

    /// <summary>Pauses the given channels until <paramref name="until"/>: one ledger entry per channel, one transaction.</summary>
    public async Task<PreferenceChangeResult> PauseAsync(
        Guid customerId, IReadOnlyCollection<Channel> channels, DateTimeOffset until, Actor actor, ChangeSource source,
        string? detail = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var now = time.GetUtcNowToMillisecond();
        var problem = await SubjectCheck.CheckAsync(db, customerId, actor, cancellationToken)
            ?? (channels.Count == 0 || channels.Any(c => !Enum.IsDefined(c)) ? PreferenceProblem.UnknownChannel : PauseRules.Check(until, now));
        if (problem is not null)
        {
            return PreferenceChangeResult.Rejected(problem.Value);
        }

        until = DateTimeOffset.FromUnixTimeMilliseconds(until.ToUnixTimeMilliseconds());
        foreach (var channel in channels.Distinct().Order())
        {
            var rule = await FindOrAddAsync(db, customerId, channel, cancellationToken);
            await ledger.AppendAsync(db, new LedgerDraft(
                LedgerEventType.ContactPaused, actor, customerId, source, Channel: channel,
                Before: rule.PausedUntil > now ? LedgerTime.Format(rule.PausedUntil.Value) : null, After: LedgerTime.Format(until), Detail: detail), cancellationToken);
            rule.PausedUntil = until;
            rule.ChangedAt = now;
            rule.Version++;
        }

        return await PreferenceWrites.CommitAsync(db, tx, now, cancellationToken);
    }

    /// <summary>Ends the pause early on the given channels; channels that are not paused are left alone.</summary>
    public async Task<PreferenceChangeResult> LiftPauseAsync(
        Guid customerId, IReadOnlyCollection<Channel> channels, Actor actor, ChangeSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var problem = await SubjectCheck.CheckAsync(db, customerId, actor, cancellationToken);
        if (problem is not null)
        {
            return PreferenceChangeResult.Rejected(problem.Value);
        }

        var now = time.GetUtcNowToMillisecond();
        var paused = await db.ContactRules
            .Where(r => r.CustomerId == customerId && channels.Contains(r.Channel) && r.PausedUntil > now)
            .OrderBy(r => r.Channel)
            .ToListAsync(cancellationToken);
        if (paused.Count == 0)
        {
            return PreferenceChangeResult.Rejected(PreferenceProblem.NotPaused);
        }

        foreach (var rule in paused)
        {
            await ledger.AppendAsync(db, new LedgerDraft(
                LedgerEventType.ContactPauseLifted, actor, customerId, source, Channel: rule.Channel,
                Before: LedgerTime.Format(rule.PausedUntil!.Value)), cancellationToken);
            rule.PausedUntil = null;
            rule.ChangedAt = now;
            rule.Version++;
        }

        return await PreferenceWrites.CommitAsync(db, tx, now, cancellationToken);
    }

    private static async Task<ContactRule> FindOrAddAsync(AppDbContext db, Guid customerId, Channel channel, CancellationToken cancellationToken) =>
        await db.ContactRules.FirstOrDefaultAsync(r => r.CustomerId == customerId && r.Channel == channel, cancellationToken)
        ?? db.ContactRules.Add(new ContactRule { CustomerId = customerId, Channel = channel }).Entity;
}
