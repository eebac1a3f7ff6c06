using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Erasure;

namespace PreferenceCenter.Features.Preferences;

/// <summary>
/// What erasure removes of a customer's preferences: answers, contact rules and contact times are deleted; feedback
/// keeps its row (it is pseudonymous, so officers' counts for past periods do not change) and loses its words.
/// </summary>
public sealed class PreferencesDataEraser : ICustomerDataEraser
{
    public async Task<string> EraseAsync(AppDbContext db, Guid customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var answers = await db.Answers.Where(a => a.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        var feedback = await db.Feedback.Where(f => f.CustomerId == customerId && f.Comment != null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Comment, (string?)null), cancellationToken);
        var rules = await db.ContactRules.Where(r => r.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        await db.ChannelContacts.Where(r => r.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        return $"answers={answers};feedback-comments={feedback};contact-rules={rules}";
    }

    public IEnumerable<IEntityType> ErasedFrom(AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [db.Answers.EntityType, db.Feedback.EntityType, db.ContactRules.EntityType, db.ChannelContacts.EntityType];
    }
}
