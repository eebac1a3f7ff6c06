using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data.Seed;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Preferences.Admin;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Data;

/// <summary>
/// Development only: the catalog from <c>Seed/catalog.json</c>, the demo questions and the three demo accounts listed in the README.
/// Idempotent, so every start-up can call it.
/// </summary>
public sealed class DevelopmentSeeder(
    IDbContextFactory<AppDbContext> dbFactory, UserManager<ApplicationUser> users, CustomerAccounts customers, CatalogPublisher catalogs,
    QuestionAdminService questions)
{
    public const string DemoPassword = "Demo!2345";

    public static readonly IReadOnlyList<(string Email, string Role)> DemoAccounts =
    [
        ("customer@example.com", Roles.Customer),
        ("support@example.com", Roles.Support),
        ("officer@example.com", Roles.PrivacyOfficer),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await SeedCatalogAsync(cancellationToken);
        await SeedQuestionsAsync(cancellationToken);
        foreach (var (email, role) in DemoAccounts)
        {
            await SeedAccountAsync(email, role, cancellationToken);
        }
    }

    public static async Task<CatalogDocument> LoadCatalogAsync(CancellationToken cancellationToken = default)
    {
        await using var stream = typeof(DevelopmentSeeder).Assembly.GetManifestResourceStream("PreferenceCenter.Data.Seed.catalog.json")
            ?? throw new InvalidOperationException("The embedded catalog Seed/catalog.json is missing.");
        return await CatalogDocument.ParseAsync(stream, cancellationToken);
    }

    private async Task SeedCatalogAsync(CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.NoticeVersions.AnyAsync(cancellationToken))
            {
                return;
            }
        }

        await catalogs.PublishAsync(await LoadCatalogAsync(cancellationToken), cancellationToken);
    }

    private async Task SeedQuestionsAsync(CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Questions.AnyAsync(cancellationToken))
            {
                return;
            }
        }

        // Through the officer's own service, so the seed obeys the same rules and leaves the same ledger entries.
        foreach (var form in DevelopmentQuestions.All())
        {
            var saved = await questions.SaveAsync(form, Actor.System("development-seed"), cancellationToken);
            if (!saved.Saved)
            {
                throw new InvalidOperationException($"A seed question breaks the rules: {string.Join(", ", saved.Problems)}");
            }
        }
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
            await customers.CreateForUserAsync(user.Id, email, culture: null, cancellationToken);
        }
    }
}
