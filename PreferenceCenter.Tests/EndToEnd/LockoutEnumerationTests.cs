using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>
/// Five wrong passwords lock a real account; the sign-in form must not say so in a way an unknown address never sees,
/// or the lockout itself tells an attacker which addresses have accounts.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class LockoutEnumerationTests(AppHost app)
{
    [Fact]
    public async Task A_locked_account_and_an_unknown_address_get_the_same_answer_from_the_sign_in_form()
    {
        var email = $"locked-{Guid.NewGuid():N}@example.com";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.CreateAsync(new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true }, "Right!Horse9")).Succeeded);
        }

        using var client = new SignInClient(app.BaseAddress);
        var known = new List<(HttpStatusCode, string?, string)>();
        var unknown = new List<(HttpStatusCode, string?, string)>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            known.Add(await AnswerAsync(client, email, $"Wrong!Guess{attempt}"));
            unknown.Add(await AnswerAsync(client, $"nobody-{Guid.NewGuid():N}@example.com", $"Wrong!Guess{attempt}"));
        }

        // The account is locked now: even the right password is refused, in the same words.
        known.Add(await AnswerAsync(client, email, "Right!Horse9"));
        unknown.Add(await AnswerAsync(client, $"nobody-{Guid.NewGuid():N}@example.com", "Right!Horse9"));

        Assert.Equal(unknown, known);
        Assert.All(known, a => Assert.Equal(
            (HttpStatusCode.OK, null, "Error: Invalid login attempt. After five wrong passwords in a row, an account is locked for 15 minutes."), a));
        Assert.False(client.IsSignedIn);
    }

    private static async Task<(HttpStatusCode Status, string? Location, string Error)> AnswerAsync(SignInClient client, string email, string password)
    {
        using var response = await client.SignInAsync(email, password);
        var html = await response.Content.ReadAsStringAsync();
        var error = System.Text.RegularExpressions.Regex.Match(html, "Error: [^<]*").Value;
        return (response.StatusCode, response.Headers.Location?.OriginalString, WebUtility.HtmlDecode(error));
    }
}
