using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd.HostileInput;

/// <summary>The 500s the red team found, each by name, beside the harness that sweeps for their kind.</summary>
[Collection(EndToEndGroup.Name)]
public sealed class HostileRegressionTests(AppHost app)
{
    [Theory]
    [InlineData("Account/ConfirmEmail?userId=someone&code=%25%25not-base64")]
    [InlineData("Account/ConfirmEmailChange?userId=someone&email=a%40example.com&code=====")]
    public async Task An_account_link_with_a_broken_code_says_so_with_a_400(string link)
    {
        using var client = new SignInClient(app.BaseAddress);

        using var response = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("this link is broken or has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reset_link_with_a_broken_code_opens_the_invalid_link_page()
    {
        using var client = new SignInClient(app.BaseAddress);

        using var response = await client.GetAsync("Account/ResetPassword?code=not%20base64!");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("Account/InvalidPasswordReset", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Account/LoginWith2fa?RememberMe=yes")]
    [InlineData("admin/questions?saved=first")]
    public async Task A_hand_edited_query_value_is_read_as_text_not_a_500(string path)
    {
        using var client = new SignInClient(app.BaseAddress);
        await client.SignInAsync(DemoOfficer.Email, DemoOfficer.Password);

        using var response = await client.GetAsync(path);

        Assert.True((int)response.StatusCode < 400, $"{path}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Signing_up_with_an_address_the_mail_library_cannot_parse_is_refused_at_the_form()
    {
        const string email = "Ann Example1!@example.com";
        using var client = new SignInClient(app.BaseAddress);

        using var response = await client.PostFormAsync("Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = email, ["Input.ConfirmPassword"] = email,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The Email field is not a valid email address.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email));
    }

    [Theory]
    [InlineData("LessOften, Pause")] // Enum.TryParse adds these up to 3: Unsubscribe
    [InlineData("3")]
    [InlineData("unsubscribe")]
    public async Task The_unsubscribe_page_takes_only_the_choices_it_offers(string choice)
    {
        var (customer, token) = await SubscribedAsync();
        using var client = new SignInClient(app.BaseAddress);

        using var response = await client.PostFormAsync($"u/{token}", string.Empty, new Dictionary<string, string> { ["choice"] = choice }, action: $"u/{token}/choose");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("done=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await AssertStillSubscribedAsync(customer);
    }

    public static TheoryData<string, int> UnreadableOneClicks() => new()
    {
        { "text/plain", 415 },
        { "charset=utf-7", 415 },
        { "1,000 fields", 400 },
        { "100 KB", 413 },
    };

    [Theory]
    [MemberData(nameof(UnreadableOneClicks))]
    public async Task A_one_click_unsubscribe_it_cannot_read_is_a_4xx_and_changes_nothing(string body, int status)
    {
        var (customer, token) = await SubscribedAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        const string valid = "List-Unsubscribe=One-Click";
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body switch
        {
            "1,000 fields" => valid + string.Concat(Enumerable.Range(0, 1_000).Select(i => $"&f{i}=x")),
            "100 KB" => valid + "&pad=" + new string('a', 100 * 1024),
            _ => valid,
        }));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(body switch
        {
            "text/plain" => "text/plain",
            "charset=utf-7" => "application/x-www-form-urlencoded; charset=utf-7",
            _ => "application/x-www-form-urlencoded",
        });

        using var response = await http.PostAsync($"u/{token}", content);

        Assert.Equal(status, (int)response.StatusCode);
        await AssertStillSubscribedAsync(customer);
    }

    private async Task<(Guid Customer, string Token)> SubscribedAsync()
    {
        var customer = await app.NewCustomerAsync(("marketing", Channel.Email));
        return (customer, app.Services.GetRequiredService<LinkTokens>().Create(LinkPurpose.Unsubscribe, customer, "marketing", Channel.Email, TimeSpan.FromDays(1)));
    }

    private async Task AssertStillSubscribedAsync(Guid customer) =>
        Assert.True((await app.Services.GetRequiredService<ConsentService>().GetCellsAsync(customer))[("marketing", Channel.Email)].IsOn);
}
