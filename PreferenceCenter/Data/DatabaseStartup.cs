using PreferenceCenter.Data;

namespace Microsoft.AspNetCore.Builder;

public static class DatabaseStartup
{
    public const string SeedDemoDataKey = "Seed:DemoData";

    /// <summary>Migrates, ensures roles, seals personal data and Data Protection keys written before encryption, and — in Development with <c>Seed:DemoData</c> — seeds the catalog and demo accounts.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        // Before seeding: the seeder finds demo accounts through the blind-index lookups this brings up to date.
        await scope.ServiceProvider.GetRequiredService<PersonalDataRetrofit>().RunAsync();
        await scope.ServiceProvider.GetRequiredService<PreferenceCenter.Features.PersonalData.KeyRingRetrofit>().RunAsync();
        if (app.Environment.IsDevelopment() && app.Configuration.GetValue<bool>(SeedDemoDataKey))
        {
            await scope.ServiceProvider.GetRequiredService<DevelopmentSeeder>().SeedAsync();
        }
    }
}
