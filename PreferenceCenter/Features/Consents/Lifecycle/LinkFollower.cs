using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Consents.Lifecycle;

/// <summary>
/// What following any emailed consent link starts with: read the token (refused ones stop here, with nothing
/// opened), then, in one context, the consent it names. A POST (<paramref name="write"/>) holds the write
/// transaction from before the read, so what the step decides on is what it will change.
/// </summary>
public sealed class LinkFollower(IDbContextFactory<AppDbContext> dbFactory, LinkTokens tokens, TimeProvider time)
{
    public async Task<LinkResult> FollowAsync(
        string? token, LinkPurpose purpose, CultureInfo culture, bool write, Func<LinkStep, Task<LinkResult>> step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(step);
        var read = tokens.TryRead(token, purpose);
        if (!read.Succeeded)
        {
            return LinkedConsent.Refused(read.Failure!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = write ? await db.BeginWriteAsync(cancellationToken) : null;
        var linked = await LinkedConsent.LoadAsync(db, read.Token, cancellationToken);
        var title = await PurposeTitles.TitleAsync(db, culture.TwoLetterISOLanguageName, read.Token.PurposeKey, cancellationToken);
        return await step(new LinkStep(db, tx, read.Token, linked, title, time.GetUtcNowToMillisecond()));
    }
}
