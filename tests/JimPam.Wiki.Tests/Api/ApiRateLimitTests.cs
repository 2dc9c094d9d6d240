using System.Net;
using System.Text.Json;

namespace JimPam.Wiki.Tests.Api;

/// <summary>The API's rate limit, on an app of its own with a small limit.</summary>
[Trait("Engine", "Any")]
public sealed class ApiRateLimitTests : IDisposable
{
    private readonly WikiAppFactory _app = new();

    [Fact]
    public async Task A_client_over_the_limit_gets_429_with_retry_after_and_the_site_still_answers()
    {
        // A window of ten minutes: the four requests fall in one window however slow the machine.
        using var limited = WikiAppFactory.OnDatabase(_app.DatabasePath).With("Wiki:ApiRequestsPerMinute", "3").With("Wiki:RateLimitWindow", "00:10:00");
        using var client = limited.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await client.GetAsync(new Uri("/api/v1/seasons", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await client.GetAsync(new Uri("/api/v1/seasons", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 600);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(429, json.RootElement.GetProperty("status").GetInt32());

        // Pages are not the API: a reader is never refused the wiki itself.
        using var page = await client.GetAsync(new Uri("/seasons/1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
