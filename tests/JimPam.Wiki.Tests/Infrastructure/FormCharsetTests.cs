using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using JimPam.Wiki.Tests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace JimPam.Wiki.Tests.Infrastructure;

/// <summary>
/// Form posts that the framework's form reader cannot read: a charset other than UTF-8 is refused with 415 on every
/// address that takes a form, anonymously, in one log event without a stack trace.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the test class through IAsyncLifetime.DisposeAsync.")]
public sealed class FormCharsetTests : IAsyncLifetime
{
    private readonly WikiAppFactory _wiki = new();
    private readonly TempFolder _logs = new();
    private WikiAppFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = _wiki.WithJsonLog(_logs.Path);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_app_has_form_routes_to_try()
    {
        var routes = await AppRoutes.FormAddressesAsync(_app.Services);

        Assert.Contains("/login", routes);
        Assert.Contains("/logout", routes);
        Assert.Contains("/admin/events/1/edit", routes);
        Assert.Contains("/admin/event/1/revert", routes);
    }

    [Theory]
    [InlineData("utf-7")]
    [InlineData("utf-32BE")]
    [InlineData("ibm037")]
    [InlineData("x-no-such-charset")]
    public async Task A_form_in_another_charset_than_utf8_is_refused_with_415_and_one_log_line_on_every_form_route(string charset)
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var routes = await AppRoutes.FormAddressesAsync(_app.Services);

        foreach (var route in routes)
        {
            using var content = new StringContent("Form.Name=pam&Form.Password=x&__RequestVerificationToken=y", Encoding.UTF8);
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"application/x-www-form-urlencoded; charset={charset}");
            using var response = await client.PostAsync(new Uri(route, UriKind.Relative), content);

            Assert.True(response.StatusCode == HttpStatusCode.UnsupportedMediaType, $"{route}: {response.StatusCode}");
            var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            Assert.Contains("UTF-8", page.QuerySelector("main p")!.TextContent, StringComparison.Ordinal);
            Assert.Contains(charset, page.QuerySelector("main p")!.TextContent, StringComparison.Ordinal);
        }

        await JsonLog.WaitForAsync(() => JsonLog.Read(_logs.Path).Count(e => e.StatusCode == 415) >= routes.Count);
        var events = JsonLog.Read(_logs.Path);
        foreach (var route in routes)
        {
            var only = Assert.Single(events, e => e.RequestPath == route);
            Assert.Equal(415, only.StatusCode);
            Assert.Equal("Information", only.Level);
            Assert.Null(only.Exception);
            Assert.Contains($"a form in the charset {charset}, not UTF-8", only.Raw, StringComparison.Ordinal);
            Assert.Single(events, e => e.TraceId == only.TraceId);
        }

        Assert.DoesNotContain(events, e => e.Raw.Contains("   at ", StringComparison.Ordinal) || e.Level is "Error" or "Fatal");
    }

    [Fact]
    public async Task A_form_in_utf8_by_name_is_read_as_usual()
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var content = new StringContent("Form.Name=pam&Form.Password=x", Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=UTF-8");

        using var response = await client.PostAsync(new Uri("/login", UriKind.Relative), content);

        // Read, so its missing antiforgery token is what refuses it.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _wiki.DisposeAsync();
        _logs.Dispose();
    }
}
