using JimPam.Wiki.Tests.Pages;

namespace JimPam.Wiki.Tests.Api;

/// <summary>/api/v1/changes: recent changes.</summary>
[Trait("Engine", "Any")]
[Collection(SeededWiki.Name)]
public class ChangesApiTests(WikiAppFactory app)
{
    [Fact]
    public async Task Recent_changes_say_who_saved_what_and_when_in_iso_8601()
    {
        var (_, json) = await ApiJson.GetAsync(app, "/api/v1/changes?count=3");

        var changes = json.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(3, changes.Count);
        Assert.All(changes, c => Assert.True(DateTimeOffset.TryParseExact(c.GetProperty("savedAt").GetString(), "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", null, System.Globalization.DateTimeStyles.None, out _)));
        Assert.All(changes, c => Assert.Equal("import", c.GetProperty("author").GetString()));
    }
}
