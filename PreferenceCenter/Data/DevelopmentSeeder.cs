using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Data;

/// <summary>
/// Development only: the catalog from <c>Seed/catalog.json</c> and the three demo accounts listed in the README.
/// Idempotent, so every start-up can call it.
/// </summary>
public sealed class DevelopmentSeeder(
    IDbContextFactory<AppDbContext> dbFactory, UserManager<ApplicationUser> users, CustomerAccounts customers)
{
    public const string DemoPassword = "Demo!2345";

    public static readonly IReadOnlyList<(string Email, string Role)> DemoAccounts =
    [
        ("customer@example.com", Roles.Customer),
        ("support@example.com", Roles.Support),
        ("officer@example.com", Roles.PrivacyOfficer),
    ];

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await SeedCatalogAsync(cancellationToken);
        foreach (var (email, role) in DemoAccounts)
        {
            await SeedAccountAsync(email, role, cancellationToken);
        }
    }

    public static CatalogDocument LoadCatalog()
    {
        using var stream = typeof(DevelopmentSeeder).Assembly.GetManifestResourceStream("PreferenceCenter.Data.Seed.catalog.json")
            ?? throw new InvalidOperationException("The embedded catalog Seed/catalog.json is missing.");
        return JsonSerializer.Deserialize<CatalogDocument>(stream, JsonOptions)
            ?? throw new InvalidOperationException("Seed/catalog.json is empty.");
    }

    private async Task SeedCatalogAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.NoticeVersions.AnyAsync(cancellationToken))
        {
            return;
        }

        var catalog = LoadCatalog();
        var recipients = catalog.Recipients.ToDictionary(
            r => r.Key, r => new Recipient { Name = r.Name, Country = r.Country, PrivacyPolicy = r.PrivacyPolicy });
        var notice = new NoticeVersion { Number = 1, PublishedAt = catalog.PublishedAt };
        notice.Texts.AddRange(catalog.Notice.Select(t => new NoticeText { Culture = t.Key, Title = t.Value.Title, LegalText = t.Value.LegalText }));
        db.NoticeVersions.Add(notice);

        var order = 0;
        foreach (var p in catalog.Purposes)
        {
            var purpose = new Purpose
            {
                Key = p.Key, Kind = p.Kind, LegalBasis = p.LegalBasis, Icon = p.Icon, SortOrder = ++order,
                OfferedChannels = ChannelSetExtensions.Of([.. p.Channels]), ValidityMonths = p.ValidityMonths,
                Recipient = p.Recipient is null ? null : recipients[p.Recipient],
            };
            db.Purposes.Add(purpose);
            await db.SaveChangesAsync(cancellationToken);
            notice.PurposeTexts.AddRange(p.Texts.Select(t => new PurposeText
            {
                PurposeId = purpose.Id, Culture = t.Key, Title = t.Value.Title, Summary = t.Value.Summary,
                DataUsed = t.Value.DataUsed, Retention = t.Value.Retention,
            }));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedAccountAsync(string email, string role, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, DemoPassword);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Could not seed {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(user, role);
        if (role == Roles.Customer)
        {
            await customers.CreateForUserAsync(user.Id, culture: null, cancellationToken);
        }
    }
}
