using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Tests.Features.Consents.Lifecycle;

namespace PreferenceCenter.Tests.TestHost;

public static class AppCustomers
{
    /// <summary>A new customer in the running app's database (no sign-in account), with the given consents granted (and confirmed where double opt-in asks).</summary>
    public static async Task<Guid> NewCustomerAsync(this AppHost app, params (string Purpose, Channel Channel)[] granted)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = app.BaseAddress;
        Guid id;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            id = await CatalogBuilder.AddCustomerAsync(db);
        }

        var consents = app.Services.GetRequiredService<ConsentService>();
        foreach (var (purpose, channel) in granted)
        {
            var result = await consents.SetAsync(new ConsentChange(id, purpose, channel, true, 0, Actor.Customer(id), ChangeSource.Web));
            Assert.True(result.Succeeded, result.Message);
            if (result.Current!.AwaitingConfirmation)
            {
                // Marketing by email needs the double opt-in: confirmed as the customer would, from the link.
                await LifecycleSteps.ConfirmAsync(app.Services, id, purpose, channel);
            }
        }

        return id;
    }
}
