using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.Tests.Pages.Account;

/// <summary>A browser-like client of the app (cookies kept, redirects not followed, over https) and the form helpers an editor's visit needs.</summary>
public sealed class EditorSession : IDisposable
{
    public const string Password = "that's what she said, twice";

    /// <summary>A client with cookies of its own; <paramref name="clientAddress"/> is the address the app sees it come from.</summary>
    public EditorSession(WebApplicationFactory<Program> app, string? clientAddress = null)
    {
        Client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
            HandleCookies = true,
        });
        if (clientAddress is not null)
        {
            Client.DefaultRequestHeaders.Add(WikiAppFactory.ClientAddressHeader, clientAddress);
        }
    }

    /// <summary>A session on a client of its own making (a real process's address, with its own cookie handling).</summary>
    public EditorSession(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    /// <summary>Makes an editor account the way the command line does.</summary>
    public static async Task AddEditorAsync(WebApplicationFactory<Program> app, string name, string password = Password)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var result = await users.CreateAsync(new IdentityUser(name), password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Fills the first form of the page at <paramref name="url"/> (its antiforgery token included) and posts it, as
    /// its submit button does, or as the button <paramref name="button"/> names (its formaction included).
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, IReadOnlyDictionary<string, string> fields, string? formSelector = null, string? button = null, bool multipart = false) =>
        await PostFormAsync(await GetPageAsync(url), fields, formSelector, button, url, multipart: multipart);

    /// <summary>
    /// Posts a form of a page loaded earlier (its antiforgery token and base revision as they were then), with
    /// <paramref name="fields"/> changed, as its submit button does, or as the button <paramref name="button"/> names.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(IHtmlDocument page, IReadOnlyDictionary<string, string> fields, string? formSelector = null, string? button = null, string? url = null, UploadedFile? file = null, bool multipart = false)
    {
        var form = (IHtmlFormElement)(page.QuerySelector(formSelector ?? "main form") ?? throw new InvalidOperationException($"No form on {url}"));

        // A form may repeat a name (ASP.NET Core writes one "__Invariant" input per number field), so the fields are a list.
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && i.Type != "file" && (i.Type is not ("radio" or "checkbox") || i.IsChecked))
            .Select(i => KeyValuePair.Create(i.Name!, i.Value))
            .Concat(form.Elements.OfType<IHtmlTextAreaElement>().Where(t => !string.IsNullOrEmpty(t.Name)).Select(t => KeyValuePair.Create(t.Name!, t.Value)))
            .Concat(form.Elements.OfType<IHtmlSelectElement>().Where(s => !string.IsNullOrEmpty(s.Name)).Select(s => KeyValuePair.Create(s.Name!, s.Value ?? "")))
            .Where(pair => !fields.ContainsKey(pair.Key))
            .Concat(fields)
            .ToList();

        var pressed = button is null ? null : form.QuerySelectorAll("button").FirstOrDefault(b => b.TextContent.Trim() == button)
            ?? throw new InvalidOperationException($"No button '{button}' in the form on {url}");
        var action = pressed?.GetAttribute("formaction") is { Length: > 0 } formAction ? formAction
            : string.IsNullOrEmpty(form.GetAttribute("action")) ? url! : form.GetAttribute("action")!;
        if (file is null && !multipart)
        {
            return await Client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(values));
        }

        // As a browser sends a form with a file (or one whose enctype says so): multipart, a file's part with its name and declared type.
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            content.Add(new StringContent(value), name);
        }

        if (file is not null)
        {
            var part = new ByteArrayContent(file.Bytes);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
            content.Add(part, file.Field, file.FileName);
        }

        return await Client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>Fills the form at <paramref name="url"/> as <see cref="SubmitAsync"/> does, with a file chosen in it.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string url, IReadOnlyDictionary<string, string> fields, UploadedFile file, string? formSelector = null, string? button = null) =>
        await PostFormAsync(await GetPageAsync(url), fields, formSelector, button, url, file);

    public Task<HttpResponseMessage> LogInAsync(string name, string password = Password, bool multipart = false) =>
        SubmitAsync("/login", new Dictionary<string, string> { ["Form.Name"] = name, ["Form.Password"] = password }, multipart: multipart);

    public async Task<HttpStatusCode> StatusOfAsync(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        return response.StatusCode;
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>A file chosen in a form: the field it is chosen in, its name and declared type, and its bytes.</summary>
public sealed record UploadedFile(string Field, string FileName, string ContentType, byte[] Bytes);
