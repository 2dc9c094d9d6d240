using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using JimPam.Wiki.Media;
using JimPam.Wiki.Search;

namespace JimPam.Wiki.Infrastructure;

/// <summary>
/// The wiki's one address book: every page's and API resource's address, made by the routing from the page's name
/// or the endpoint's name and its values, so a route is written once, on its page. The rule "the wiki's first
/// relationship has no relationship value" is written once, in <see cref="WikiDbContext.AddressValue"/> (with
/// <see cref="WikiDbContext.FirstRelationship"/>), and the read models carry its result; here a null relationship is
/// the first one's address: the root for its article, <c>/timeline</c>, a season page without <c>?relationship=</c>.
/// </summary>
public sealed class WikiAddresses(LinkGenerator links, SiteAddress site)
{
    public string Article(string? relationship) => relationship is null ? Page("/Index") : Page("/Relationships/Article", new { slug = relationship });

    public string Timeline(string? relationship) => Page("/Timeline/Index", new { slug = relationship });

    public string Season(int number, string? relationship = null) => Page("/Seasons/Season", new { number, relationship });

    /// <summary>A part of the story: its anchor on its season page.</summary>
    public string Event(int season, string? relationship, int eventId) => Page("/Seasons/Season", new { number = season, relationship }, $"event-{eventId}");

    /// <summary>A recurring joke: its item on its relationship's article.</summary>
    public string Joke(string? relationship, int jokeId) => relationship is null ? Page("/Index", null, $"joke-{jokeId}") : Page("/Relationships/Article", new { slug = relationship }, $"joke-{jokeId}");

    public string Episode(string slug) => Page("/Episodes/Episode", new { slug });

    public string Character(string slug) => Page("/Characters/Character", new { slug });

    /// <summary>The page of a wiki link that names nothing the wiki has yet.</summary>
    public string Missing(string title) => Page("/Missing", new { title });

    public string History(string type, int id) => Page("/History/Entry", new { type, id });

    public string Seasons() => Page("/Seasons/Index");

    public string Episodes() => Page("/Episodes/Index");

    public string Characters() => Page("/Characters/Index");

    public string RecentChanges() => Page("/RecentChanges/Index");

    /// <summary>A search's results page: its query, kind (a key of <see cref="SearchKinds"/>) and page.</summary>
    public string Search(string query, string? type = null, int page = 1) =>
        Page("/SearchPage/Index", new { q = query, type, p = page == 1 ? (int?)null : page });

    /// <summary>Where a search hit is on the wiki.</summary>
    public string Of(SearchPlace place) => place.Kind switch
    {
        SearchKind.Event => Event(place.Season, place.Relationship, place.Id),
        SearchKind.Joke => Joke(place.Relationship, place.Id),
        SearchKind.Episode => Episode(place.Slug),
        SearchKind.Character => Character(place.Slug),
        _ => Article(place.Relationship),
    };

    /// <summary>Where a wiki link in a body goes: its episode's or character's page.</summary>
    public string Of(WikiLinkTarget target) => target.Kind == WikiLinkKind.Episode ? Episode(target.Slug) : Character(target.Slug);

    /// <summary>A stored picture file's address (<c>/media/{name}</c>).</summary>
    public string Media(string name) =>
        links.GetPathByName(MediaEndpoint.EndpointName, new { name }) ?? throw new InvalidOperationException("No media endpoint");

    /// <summary>An API resource's absolute address, by its endpoint's name and route values.</summary>
    public string Api(string endpoint, object? values = null) =>
        site.Absolute(links.GetPathByName(endpoint, values) ?? throw new InvalidOperationException($"No API endpoint is named {endpoint}"));

    /// <summary>The API's reference page, or a section of it.</summary>
    public string ApiReference(string? section = null) => Page("/ApiReference/Index", null, section);

    /// <summary>The API's OpenAPI document (its endpoint's path, not absolute: the reference page links to it).</summary>
    public string OpenApi() => links.GetPathByName(OpenApiEndpoint, new { documentName = "v1" }) ?? throw new InvalidOperationException("No OpenAPI endpoint");

    /// <summary>The name of the OpenAPI document's endpoint.</summary>
    public const string OpenApiEndpoint = "OpenApiDocument";

    /// <summary>A page's absolute address, for the API's "html" links, feeds and the sitemap.</summary>
    public string Absolute(string path) => site.Absolute(path);

    private string Page(string page, object? values = null, string? fragment = null) =>
        links.GetPathByPage(page, handler: null, values, fragment: fragment is null ? default : new FragmentString("#" + fragment))
        ?? throw new InvalidOperationException($"No route for the page {page}");
}
