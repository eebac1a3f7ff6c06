using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>
/// The running app stores lookups as blind-index hashes, Identity's user name and email sealed, and its keys in a
/// file of their own, and still signs people in.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class PersonalDataAtRestTests(AppHost app)
{
    [Fact]
    public async Task The_demo_customer_signs_in_through_hashed_lookups_with_a_sealed_sign_in_and_profile_and_a_key_elsewhere()
    {
        using var client = new SignInClient(app.BaseAddress);

        var response = await client.SignInAsync(DemoCustomer.Email.ToUpperInvariant(), DemoCustomer.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var connection = await app.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        // Quoted names and an @ parameter read the same on both providers.
        command.CommandText = """
            SELECT u."NormalizedEmail", u."NormalizedUserName", p."Email", p."EmailIndex", u."UserName", u."Email"
            FROM "AspNetUsers" u JOIN "Customers" c ON c."UserId" = u."Id" JOIN "CustomerProfiles" p ON p."CustomerId" = c."Id"
            WHERE u."NormalizedEmail" = @hash
            """;
        var hash = command.CreateParameter();
        hash.ParameterName = "hash";
        hash.Value = app.Services.GetRequiredService<BlindIndex>().OfEmail(DemoCustomer.Email);
        command.Parameters.Add(hash);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "The demo customer has no profile.");
        Assert.Matches("^[0-9a-f]{64}$", reader.GetString(0));
        Assert.Equal(reader.GetString(0), reader.GetString(1));
        Assert.StartsWith("pd1:", reader.GetString(2), StringComparison.Ordinal);
        Assert.Equal(reader.GetString(0), reader.GetString(3));
        Assert.True(AccountSealer.IsSealed(reader.GetString(4)), "Identity's UserName is not sealed.");
        Assert.True(AccountSealer.IsSealed(reader.GetString(5)), "Identity's Email is not sealed.");
        Assert.NotEqual(app.ConnectionString, app.KeyStoreConnectionString);
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            Assert.True(File.Exists(app.KeyStorePath), "The key store is not a file of its own.");
        }
        // Identity itself still sees the address: the store opens it.
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(DemoCustomer.Email);
        Assert.NotNull(user);
        Assert.Equal((DemoCustomer.Email, DemoCustomer.Email), (await users.GetEmailAsync(user), await users.GetUserNameAsync(user)));
    }
}
