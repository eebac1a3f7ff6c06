using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>
/// The Host header is the sender's to write. A link in an email built from it would send the recipient, with a
/// working token, to the attacker's site; every link comes from <c>App:PublicBaseUrl</c> instead.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class ForgedHostTests(AppHost app)
{
    private const string Attacker = "attacker.example";

    [Fact]
    public async Task A_forged_Host_never_reaches_a_link_in_the_emails_a_sign_up_sends()
    {
        var email = $"host-{Guid.NewGuid():N}@example.com";
        var signUp = new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = "Forged!Host1", ["Input.ConfirmPassword"] = "Forged!Host1",
        };

        using (var first = new SignInClient(app.BaseAddress))
        using (var response = await first.PostFormAsync("Account/Register", "register", signUp, host: Attacker))
        {
            Assert.True((int)response.StatusCode < 400, $"sign-up answered {(int)response.StatusCode}");
        }

        // The same address again: "you already have an account", with a link to sign in.
        using (var second = new SignInClient(app.BaseAddress))
        using (await second.PostFormAsync("Account/Register", "register", signUp, host: Attacker))
        {
        }

        var confirmation = await PickupMailbox.WaitForAsync(app.PickupDirectory, email, "Confirm your email address");
        var already = await PickupMailbox.WaitForAsync(app.PickupDirectory, email, "You already have an account");
        foreach (var message in new[] { confirmation, already })
        {
            using (message)
            {
                var body = message.HtmlBody + message.TextBody;
                Assert.DoesNotContain(Attacker, body, StringComparison.OrdinalIgnoreCase);
                Assert.Contains(app.BaseAddress.AbsoluteUri.TrimEnd('/'), body, StringComparison.Ordinal);
            }
        }
    }
}
