using System.Net;
using PreferenceCenter.Features.Webhooks;

namespace PreferenceCenter.Tests.Features.Webhooks;

/// <summary>Every bad address gets its own problem; names resolve through a fake resolver so the test needs no DNS.</summary>
public sealed class WebhookUrlRulesTests
{
    private static Task<IPAddress[]> Resolve(string host, CancellationToken _) => Task.FromResult(host switch
    {
        "hooks.example.com" => new[] { IPAddress.Parse("93.184.216.34") },
        "intranet.example.com" => [IPAddress.Parse("10.1.2.3")],
        "rebind.example.com" => [IPAddress.Parse("93.184.216.34"), IPAddress.Parse("127.0.0.1")],
        "localhost" => [IPAddress.Loopback],
        _ => throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound),
    });

    [Theory]
    [InlineData(null, false, WebhookUrlProblem.Required)]
    [InlineData("   ", false, WebhookUrlProblem.Required)]
    [InlineData("hooks.example.com/in", false, WebhookUrlProblem.NotAnAddress)]
    [InlineData("ftp://hooks.example.com/in", false, WebhookUrlProblem.NotAnAddress)]
    [InlineData("http://hooks.example.com/in", false, WebhookUrlProblem.NotHttps)]
    [InlineData("http://hooks.example.com/in", true, WebhookUrlProblem.NotHttps)]
    [InlineData("http://127.0.0.1:8080/in", false, WebhookUrlProblem.NotHttps)]
    [InlineData("https://user:pw@hooks.example.com/in", false, WebhookUrlProblem.HasCredentials)]
    [InlineData("https://10.0.0.5/in", false, WebhookUrlProblem.PrivateAddress)]
    [InlineData("https://192.168.1.10/in", false, WebhookUrlProblem.PrivateAddress)]
    [InlineData("https://172.20.0.1/in", false, WebhookUrlProblem.PrivateAddress)]
    [InlineData("https://169.254.169.254/latest/meta-data", false, WebhookUrlProblem.PrivateAddress)]
    [InlineData("https://[::1]/in", false, WebhookUrlProblem.PrivateAddress)]
    [InlineData("https://[fe80::1]/in", false, WebhookUrlProblem.PrivateAddress)]
    [InlineData("https://[fd00::1]/in", false, WebhookUrlProblem.PrivateAddress)]
    [InlineData("https://[::ffff:10.0.0.1]/in", false, WebhookUrlProblem.PrivateAddress)]
    [InlineData("https://localhost/in", false, WebhookUrlProblem.PrivateAddress)]
    [InlineData("https://intranet.example.com/in", false, WebhookUrlProblem.PrivateAddress)]
    [InlineData("https://rebind.example.com/in", false, WebhookUrlProblem.PrivateAddress)]
    [InlineData("https://nowhere.invalid/in", false, WebhookUrlProblem.DoesNotResolve)]
    [InlineData("https://hooks.example.com/in\0", false, WebhookUrlProblem.HasControlCharacter)]
    [InlineData("https://hooks.example\u0000.com/in", true, WebhookUrlProblem.HasControlCharacter)]
    [InlineData("https://hooks.example.com/a\tb", false, WebhookUrlProblem.HasControlCharacter)]
    public async Task Check_RefusesWithTheSpecificProblem(string? url, bool development, WebhookUrlProblem expected)
    {
        Assert.Equal(expected, await WebhookUrlRules.CheckAsync(url, development, Resolve));
    }

    [Theory]
    [InlineData("https://hooks.example.com/in", false)]
    [InlineData("https://93.184.216.34:8443/in?x=1", false)]
    [InlineData("http://127.0.0.1:8080/in", true)]
    [InlineData("http://localhost:8080/in", true)]
    [InlineData("https://intranet.example.com/in", true)]
    public async Task Check_AcceptsPublicHttpsAndLoopbackHttpInDevelopment(string url, bool development)
    {
        Assert.Null(await WebhookUrlRules.CheckAsync(url, development, Resolve));
    }

    [Fact]
    public async Task Check_RefusesAnAddressLongerThanTheColumn()
    {
        var url = "https://hooks.example.com/" + new string('a', WebhookEndpoint.UrlMaxLength);
        Assert.Equal(WebhookUrlProblem.TooLong, await WebhookUrlRules.CheckAsync(url, false, Resolve));
    }

    [Fact]
    public async Task Connection_OutsideDevelopment_RefusesALoopbackReceiverEvenIfItWasRegistered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var client = new HttpClient(WebhookConnections.CreateHandler(development: false));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(receiver.Url, new StringContent("{}")));

        Assert.Contains("private, loopback or link-local", error.Message, StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }
}
