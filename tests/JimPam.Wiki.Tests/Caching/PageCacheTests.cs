using System.Net;
using AngleSharp.Html.Parser;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Tests.Pages.Account;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Caching;

/// <summary>
/// The output cache of the reading pages, seen from outside: a page served from it carries an Age header. What the
/// cache must never do is hand one reader a page that a forged request, an editor or a query string made.
/// </summary>
[Trait("Engine", "Any")]
public sealed class PageCacheTests : WikiOfItsOwn
{
    [Theory]
    [InlineData("/")]
    [InlineData("/seasons")]
    [InlineData("/seasons/3")]
    [InlineData("/timeline")]
    [InlineData("/episodes")]
    [InlineData("/episodes/the-dundies")]
    [InlineData("/characters")]
    [InlineData("/characters/pam-beesly")]
    [InlineData("/recent-changes")]
    [InlineData("/recent-changes.atom")]
    public async Task A_reading_page_is_served_from_the_cache_on_its_second_read_with_the_same_bytes_and_headers(string url)
    {
        using var client = App.CreateReader();
        using var first = await client.GetAsync(new Uri(url, UriKind.Relative));
        using var second = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(first.Content.Headers.ContentType, second.Content.Headers.ContentType);
        Assert.StartsWith("default-src 'self'", second.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logins_made_or_failed_leave_readers_pages_in_the_cache()
    {
        using var client = App.CreateReader();
        (await client.GetAsync(new Uri("/seasons/3", UriKind.Relative))).Dispose();
        await EditorSession.AddEditorAsync(App, "pam");
        using var session = new EditorSession(App);

        (await session.LogInAsync("pam", "not the password at all")).Dispose();
        (await session.LogInAsync("pam")).Dispose();

        using var again = await client.GetAsync(new Uri("/seasons/3", UriKind.Relative));
        Assert.NotNull(again.Headers.Age);
    }

    [Fact]
    public async Task A_cached_page_still_answers_a_revalidation_with_304()
    {
        using var client = App.CreateReader();
        using var first = await client.GetAsync(new Uri("/seasons/3", UriKind.Relative));
        using var cached = await client.GetAsync(new Uri("/seasons/3", UriKind.Relative));
        Assert.NotNull(cached.Headers.Age);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/seasons/3");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var revalidated = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_forged_Host_header_puts_nothing_of_its_own_into_the_page_other_readers_get()
    {
        using var client = App.CreateReader();
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/seasons/3");
        forged.Headers.Host = "evil.example";
        using var attack = await client.SendAsync(forged);
        Assert.Equal(HttpStatusCode.OK, attack.StatusCode);

        using var reader = await client.GetAsync(new Uri("/seasons/3", UriKind.Relative));
        var html = await reader.Content.ReadAsStringAsync();

        // The forged request and the reader's share one cache entry (the key has no host) and the page names no host but the site's.
        Assert.NotNull(reader.Headers.Age);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
        var site = App.Services.GetRequiredService<SiteAddress>().BaseUrl;
        Assert.Equal($"{site}/seasons/3", new HtmlParser().ParseDocument(html).QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_query_string_the_page_does_not_read_is_never_served_from_nor_put_into_the_cache()
    {
        using var client = App.CreateReader();
        using var first = await client.GetAsync(new Uri("/seasons/3?utm_source=%3Cscript%3E", UriKind.Relative));
        using var second = await client.GetAsync(new Uri("/seasons/3?utm_source=%3Cscript%3E", UriKind.Relative));
        using var plain = await client.GetAsync(new Uri("/seasons/3", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(second.Headers.Age);
        Assert.Null(plain.Headers.Age);
        Assert.DoesNotContain("<script>", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_spelling_of_an_address_still_gets_its_redirect_when_the_page_is_cached()
    {
        using var client = App.CreateReader();
        (await client.GetAsync(new Uri("/seasons/3", UriKind.Relative))).Dispose();
        (await client.GetAsync(new Uri("/seasons/3", UriKind.Relative))).Dispose();

        using var upper = await client.GetAsync(new Uri("/Seasons/3", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, upper.StatusCode);
        Assert.Equal("/seasons/3", upper.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Each_compression_a_client_accepts_gets_its_own_cached_copy()
    {
        using var client = App.CreateReader();
        foreach (var encoding in new[] { "br", "gzip", "br", "gzip" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/seasons/3");
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            using var response = await client.SendAsync(request);
            Assert.Equal(encoding, response.Content.Headers.ContentEncoding.Single());
        }

        using var plain = await client.GetAsync(new Uri("/seasons/3", UriKind.Relative));
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("<html", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_is_never_served_a_readers_page_and_a_reader_never_an_editors()
    {
        await EditorSession.AddEditorAsync(App, "pam");
        using var pam = new EditorSession(App);
        (await pam.LogInAsync("pam")).Dispose();
        using var reader = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        // The editor reads first: were their page (with its Edit links) cached, the reader would get it next.
        (await pam.Client.GetAsync(new Uri("/seasons/3", UriKind.Relative))).Dispose();
        using var editors = await pam.Client.GetAsync(new Uri("/seasons/3", UriKind.Relative));
        using var readers = await reader.GetAsync(new Uri("/seasons/3", UriKind.Relative));
        using var readersAgain = await reader.GetAsync(new Uri("/seasons/3", UriKind.Relative));
        using var editorsAfter = await pam.Client.GetAsync(new Uri("/seasons/3", UriKind.Relative));

        Assert.Null(editors.Headers.Age);
        Assert.NotEmpty(new HtmlParser().ParseDocument(await editors.Content.ReadAsStringAsync()).QuerySelectorAll(".edit-links"));
        Assert.Null(readers.Headers.Age);
        Assert.Empty(new HtmlParser().ParseDocument(await readers.Content.ReadAsStringAsync()).QuerySelectorAll(".edit-links"));
        Assert.NotNull(readersAgain.Headers.Age);
        Assert.Null(editorsAfter.Headers.Age);
        Assert.NotEmpty(new HtmlParser().ParseDocument(await editorsAfter.Content.ReadAsStringAsync()).QuerySelectorAll(".edit-links"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_shielded_page_is_never_served_to_an_unshielded_reader_nor_the_reverse(bool shieldedFirst)
    {
        using var plain = App.CreateReader();
        using var shielded = App.CreateReader();
        shielded.DefaultRequestHeaders.Add("Cookie", "watched=s04e01");
        using var otherShield = App.CreateReader();
        otherShield.DefaultRequestHeaders.Add("Cookie", "watched=s04e02");
        async Task<(HttpResponseMessage Response, int Events)> ReadAsync(HttpClient client, string url = "/seasons/4")
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            return (response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelectorAll(".event, .event-figure").Length);
        }

        var first = await ReadAsync(shieldedFirst ? shielded : plain);
        var second = await ReadAsync(shieldedFirst ? plain : shielded);
        var plainAgain = await ReadAsync(plain);
        var shieldedAgain = await ReadAsync(shielded);
        var other = await ReadAsync(otherShield);
        var shown = await ReadAsync(shielded, "/seasons/4?spoilers=show");

        // Each reader gets their own page, and the second read of each comes from the cache.
        Assert.Equal(shieldedFirst ? (1, 6) : (6, 1), (first.Events, second.Events));
        Assert.Null(first.Response.Headers.Age);
        Assert.Null(second.Response.Headers.Age);
        Assert.Equal(6, plainAgain.Events);
        Assert.NotNull(plainAgain.Response.Headers.Age);
        Assert.Equal(1, shieldedAgain.Events);
        Assert.NotNull(shieldedAgain.Response.Headers.Age);
        Assert.Null(other.Response.Headers.Age);
        Assert.Equal(2, other.Events);
        Assert.Equal(6, shown.Events);
        Assert.NotEqual(plainAgain.Response.Headers.ETag, shieldedAgain.Response.Headers.ETag);
    }

    [Fact]
    public async Task Output_caching_switched_off_by_configuration_renders_every_read()
    {
        await using var uncached = WikiAppFactory.OnDatabase(App.DatabasePath).With("Wiki:OutputCache", "false");
        using var client = uncached.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await client.GetAsync(new Uri("/seasons/3", UriKind.Relative))).Dispose();

        using var second = await client.GetAsync(new Uri("/seasons/3", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(second.Headers.Age);
    }
}
