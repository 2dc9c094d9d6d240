using System.Net;
using JimPam.Wiki.Tests.Api;
using JimPam.Wiki.Tests.Pages;

namespace JimPam.Wiki.Tests.Infrastructure;

/// <summary>The query keys renamed to one word per concept: the old addresses lead, permanently, to the new ones.</summary>
[Trait("Engine", "Any")]
[Collection(SeededWiki.Name)]
public class RenamedQueryKeysTests(WikiAppFactory app)
{
    [Theory]
    [InlineData("/seasons/4?couple=jim-and-pam", "/seasons/4?relationship=jim-and-pam")]
    [InlineData("/seasons/4?spoilers=show&couple=jim-and-pam", "/seasons/4?spoilers=show&relationship=jim-and-pam")]
    [InlineData("/seasons/4?couple=old&relationship=jim-and-pam", "/seasons/4?relationship=jim-and-pam")]
    [InlineData("/api/v1/search?q=pam&page=2", "/api/v1/search?q=pam&p=2")]
    [InlineData("/search?q=pam&page=2", "/search?q=pam&p=2")]
    public async Task An_old_key_is_redirected_permanently_to_its_new_name(string old, string now)
    {
        using var client = app.CreateReader();

        using var response = await client.GetAsync(old);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(now, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_new_address_answers_as_the_old_one_meant()
    {
        using var client = app.CreateReader();
        using var season = await client.GetAsync("/seasons/4?relationship=jim-and-pam");
        Assert.Equal(HttpStatusCode.OK, season.StatusCode);

        var (_, second) = await ApiJson.GetAsync(app, "/api/v1/search?q=pam&p=2");
        Assert.Equal(2, second.GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task A_post_with_an_old_key_is_not_redirected()
    {
        using var client = app.CreateReader();

        using var response = await client.PostAsync("/seasons/4?couple=jim-and-pam", new FormUrlEncodedContent([]));

        Assert.NotEqual(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }
}
