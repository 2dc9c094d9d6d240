using System.Globalization;

namespace JimPam.Wiki.Tests.Infrastructure;

/// <summary>
/// Behind deploy/nginx (Wiki:FrontCache), every response says nginx may keep it to the end of the second it is sent in,
/// a page from the app's own cache too; without the setting, no such header.
/// </summary>
[Trait("Engine", "Any")]
public sealed class FrontCacheHintTests : IDisposable
{
    private readonly WikiAppFactory _app = new();

    private static async Task<(long Before, string? Hint, TimeSpan? Age, long After)> ReadAsync(HttpClient reader)
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var response = await reader.GetAsync(new Uri("/seasons/3", UriKind.Relative));
        var after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return (before, response.Headers.TryGetValues("X-Accel-Expires", out var values) ? values.Single() : null, response.Headers.Age, after);
    }

    [Fact]
    public async Task With_the_front_cache_each_response_may_be_kept_to_the_end_of_its_own_second()
    {
        _app.Settings["Wiki:FrontCache"] = "true";
        using var reader = _app.CreateReader();

        var rendered = await ReadAsync(reader);
        var cached = await ReadAsync(reader);

        Assert.NotNull(cached.Age);
        foreach (var (before, hint, _, after) in new[] { rendered, cached })
        {
            Assert.NotNull(hint);
            Assert.StartsWith("@", hint, StringComparison.Ordinal);
            Assert.InRange(long.Parse(hint[1..], CultureInfo.InvariantCulture), before, after);
        }
    }

    [Fact]
    public async Task Without_it_no_response_carries_the_hint()
    {
        using var reader = _app.CreateReader();

        Assert.Null((await ReadAsync(reader)).Hint);
        Assert.Null((await ReadAsync(reader)).Hint);
    }

    public void Dispose() => _app.Dispose();
}
