using System.Net;
using Microsoft.Data.Sqlite;
using PreferenceCenter.Tests.Support;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>The running app stores lookups as blind-index hashes and its keys in a file of their own, and still signs people in.</summary>
[Collection(EndToEndGroup.Name)]
public sealed class PersonalDataAtRestTests(AppHost app)
{
    [Fact]
    public async Task The_demo_customer_signs_in_through_hashed_lookups_and_has_an_encrypted_profile_with_a_key_elsewhere()
    {
        using var client = new SignInClient(app.BaseAddress);

        var response = await client.SignInAsync(DemoCustomer.Email.ToUpperInvariant(), DemoCustomer.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = app.DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT u.NormalizedEmail, u.NormalizedUserName, p.Email, p.EmailIndex
            FROM AspNetUsers u JOIN Customers c ON c.UserId = u.Id JOIN CustomerProfiles p ON p.CustomerId = c.Id
            WHERE u.Email = $email
            """;
        command.Parameters.AddWithValue("$email", DemoCustomer.Email);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "The demo customer has no profile.");
        Assert.Matches("^[0-9a-f]{64}$", reader.GetString(0));
        Assert.Equal(reader.GetString(0), reader.GetString(1));
        Assert.StartsWith("pd1:", reader.GetString(2), StringComparison.Ordinal);
        Assert.Equal(reader.GetString(0), reader.GetString(3));
        Assert.True(File.Exists(app.KeyStorePath), "The key store is not a file of its own.");
    }
}
