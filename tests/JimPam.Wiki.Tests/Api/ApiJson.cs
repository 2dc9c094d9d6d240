using System.Text.Json;

namespace JimPam.Wiki.Tests.Api;

/// <summary>Reading the API as a program using it would: GET, the JSON, its content type, a list's names.</summary>
public static class ApiJson
{
    public static async Task<(HttpResponseMessage Response, JsonElement Json)> GetAsync(WikiAppFactory app, string url)
    {
        using var client = app.CreateReader();
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static void IsJson(HttpResponseMessage response) =>
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);

    public static string[] Names(JsonElement array, string property) =>
        [.. array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!)];
}
