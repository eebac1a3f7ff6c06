using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd.ScaleOut;

/// <summary>
/// PostgreSQL goes away under both instances and comes back: meanwhile every request gets a clear 503 (a page in the
/// reader's language, or a problem saying nothing was written) and the balancer's health check fails; afterwards both
/// instances carry on without a restart and the outbox sends again.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class DatabaseOutageJourneyTests(BrowserFixture browser)
{
    [PostgreSqlFact]
    public async Task While_the_database_is_away_requests_get_a_clear_503_and_afterwards_both_instances_and_the_outbox_carry_on()
    {
        await using var deployment = await ScaleOutDeployment.StartAsync();
        await deployment.WithProblemsOnFailureAsync(async () =>
        {
            var sessions = new ScaleOutSessions(browser, deployment);
            var key = await sessions.NewApiKeyAsync("outage sender");
            var reference = await sessions.CustomerReferenceAsync();
            var entriesBefore = await ScaleOutSessions.ApiEntriesAsync(deployment);

            await deployment.StopDatabaseAsync();
            foreach (var instance in deployment.Instances)
            {
                using var http = new HttpClient { BaseAddress = instance };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
                using (var health = await http.GetAsync(new Uri("health", UriKind.Relative)))
                {
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
                }

                using (var page = new HttpRequestMessage(HttpMethod.Get, new Uri("privacy", UriKind.Relative)))
                {
                    page.Headers.AcceptLanguage.ParseAdd("it");
                    using var answer = await http.SendAsync(page);
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
                    Assert.NotNull(answer.Headers.RetryAfter?.Delta);
                    var html = await answer.Content.ReadAsStringAsync();
                    Assert.Contains("<html lang=\"it\">", html, StringComparison.Ordinal);
                    Assert.Contains("<h1>Al momento non riusciamo a raggiungere i nostri archivi</h1>", html, StringComparison.Ordinal);
                }

                using var write = await http.PostAsJsonAsync($"api/v1/customers/{reference}/consents", Body("sms", granted: true));
                Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
                Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
                Assert.Contains("Nothing was written.", await write.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            // Through the balancer the customer reads the same words, from an instance or, once both fail their
            // health checks, from HAProxy's own error page (deploy/503.http).
            using (var http = new HttpClient { BaseAddress = deployment.Url })
            {
                await UntilAsync(async () =>
                {
                    using var answer = await http.GetAsync(new Uri("privacy", UriKind.Relative));
                    var html = await answer.Content.ReadAsStringAsync();
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
                    Assert.Contains("<h1>We cannot reach our records right now</h1>", html, StringComparison.Ordinal);
                    Assert.NotNull(answer.Headers.RetryAfter);
                    // HAProxy's page carries all three languages; an instance's, the reader's one.
                    return html.Contains("<p lang=\"it\">", StringComparison.Ordinal);
                }, "the balancer's own 503 page");
            }

            await deployment.StartDatabaseAsync();
            var mailBefore = Directory.GetFiles(deployment.MailFolder, "*.eml").Length;
            foreach (var instance in deployment.Instances)
            {
                using var http = new HttpClient { BaseAddress = instance };
                await UntilAsync(async () => (await http.GetAsync(new Uri("health", UriKind.Relative))).StatusCode == HttpStatusCode.OK, "health after the database came back");
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
                // Connections the server closed are dropped when seen, so at most one answer after the return is
                // still a 503 ("try again"); none is a fault, and none is lost silently.
                var granted = instance == deployment.Instances[0];
                var statuses = new List<HttpStatusCode>();
                await UntilAsync(async () =>
                {
                    using var write = await http.PostAsJsonAsync($"api/v1/customers/{reference}/consents", Body("phone", granted));
                    statuses.Add(write.StatusCode);
                    return write.StatusCode == HttpStatusCode.OK;
                }, "a write after the database came back");
                Assert.All(statuses.SkipLast(1), s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
                Assert.True(statuses.Count <= 2, $"Answers after the return: {string.Join(", ", statuses)}");
            }

            // Nothing of the refused writes was kept; the two after the return were.
            Assert.Equal(entriesBefore + 2, await ScaleOutSessions.ApiEntriesAsync(deployment));

            // The balancer takes the instances back once their health checks pass again (two in a row), and the
            // outbox resumed: a double opt-in request (marketing by email) is queued and sent.
            using (var http = new HttpClient { BaseAddress = deployment.Url })
            {
                await UntilAsync(async () => (await http.GetAsync(new Uri("privacy", UriKind.Relative))).StatusCode == HttpStatusCode.OK, "the balancer to serve again");
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
                using var asked = await http.PostAsJsonAsync($"api/v1/customers/{reference}/consents", Body("email", granted: true));
                Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            }

            await UntilAsync(() => Task.FromResult(Directory.GetFiles(deployment.MailFolder, "*.eml").Length > mailBefore), "an email sent after the database came back");
        });
    }

    private static object Body(string channel, bool granted) => new
    {
        purpose = "marketing", channel, granted,
        evidence = new { capturedAt = DateTimeOffset.UtcNow.AddMinutes(-1), collectionPoint = "outage test", noticeVersion = 1 },
    };

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // The instance is still finding its feet; ask again.
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), $"Waited a minute for {what}.");
            await Task.Delay(500);
        }
    }
}
