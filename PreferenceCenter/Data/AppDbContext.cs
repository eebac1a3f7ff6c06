using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Compliance;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Consents.Gpc;
using PreferenceCenter.Features.Consents.Lifecycle;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.Import;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging.Sending;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Features.Preferences.ContactRules;
using PreferenceCenter.Features.Preferences.Feedback;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Features.Privacy.Editor;
using PreferenceCenter.Features.Webhooks;
using PreferenceCenter.Infrastructure.Jobs;

namespace PreferenceCenter.Data;

/// <summary>The app's model; on SQLite this type itself, on PostgreSQL its <see cref="PostgreSqlAppDbContext"/> (one set of migrations per context type).</summary>
public class AppDbContext : IdentityDbContext<ApplicationUser, IdentityRole, string>, IDataProtectionKeyContext
{
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
    }

    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Recipient> Recipients => Set<Recipient>();
    public DbSet<Purpose> Purposes => Set<Purpose>();
    public DbSet<NoticeVersion> NoticeVersions => Set<NoticeVersion>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<Answer> Answers => Set<Answer>();
    public DbSet<ContactRule> ContactRules => Set<ContactRule>();
    // The set keeps its first name because it names the table; the type says what a row is.
    public DbSet<LastContact> ChannelContacts => Set<LastContact>();
    public DbSet<Feedback> Feedback => Set<Feedback>();
    public DbSet<CustomerProfile> CustomerProfiles => Set<CustomerProfile>();
    public DbSet<Suppression> Suppressions => Set<Suppression>();
    public DbSet<ErasureProgress> ErasureProgress => Set<ErasureProgress>();
    public DbSet<ErasureRequest> ErasureRequests => Set<ErasureRequest>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Lease> Leases => Set<Lease>();
    public DbSet<RenewalReminder> RenewalReminders => Set<RenewalReminder>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<GlobalPrivacyControlSignal> GlobalPrivacyControlSignals => Set<GlobalPrivacyControlSignal>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookFeedPosition> WebhookFeedPositions => Set<WebhookFeedPosition>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<ImportedRow> ImportedRows => Set<ImportedRow>();
    public DbSet<NoticeDraft> NoticeDrafts => Set<NoticeDraft>();
    public DbSet<LedgerAnchorRecord> LedgerAnchors => Set<LedgerAnchorRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite cannot compare or order DateTimeOffset text; UTC milliseconds can, on any provider.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcMillisecondsConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcMillisecondsConverter>();
    }
}
