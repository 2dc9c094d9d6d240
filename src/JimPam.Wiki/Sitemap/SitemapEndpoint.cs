using System.Globalization;
using System.Text;
using System.Xml;
using JimPam.Wiki.Caching;
using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Sitemap;

/// <summary>
/// <c>/sitemap.xml</c> (the sitemaps.org protocol): every public page of the wiki with the time of its last edit, for
/// crawlers; <c>robots.txt</c> points at it. Cached like a page, and evicted by any save (each writes a revision).
/// </summary>
public static class SitemapEndpoint
{
    /// <summary>The sitemap's address, which robots.txt names.</summary>
    public const string Path = "/sitemap.xml";

    public static IEndpointRouteBuilder MapSitemap(this IEndpointRouteBuilder app)
    {
        string[] reads = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods(Path, reads, WriteAsync).CacheOutput(WikiPagePolicy.Name);
        app.MapMethods("/robots.txt", reads, Robots);
        return app;
    }

    /// <summary>robots.txt, which must name the sitemap by its absolute address, so it is written, not a file.</summary>
    private static IResult Robots(HttpContext http, WikiAddresses site)
    {
        var text = $"User-agent: *\nAllow: /\nDisallow: /missing\nDisallow: /shield\n\nSitemap: {site.Absolute(Path)}\n";
        var tag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16]}\"");
        http.Response.Headers.ETag = tag.ToString();
        http.Response.Headers.CacheControl = "no-cache";
        return http.Request.Headers.IfNoneMatch == tag.ToString() ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Text(text, "text/plain; charset=utf-8");
    }

    private static async Task<IResult> WriteAsync(HttpContext http, WikiDbContext db, WikiAddresses site, CancellationToken cancellationToken)
    {
        // Each entry's "last edited", as the writer stores it with every revision (LastEdited).
        DateTimeOffset? Latest(IEnumerable<DateTimeOffset?> times) => times.Max();

        var first = await db.FirstRelationshipIdAsync(cancellationToken);
        var relationships = await db.Relationships.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.Slug, r.EditedAt }).ToListAsync(cancellationToken);
        var seasons = await db.Seasons.AsNoTracking().OrderBy(s => s.Number).Select(s => new { s.Id, s.Number, s.EditedAt }).ToListAsync(cancellationToken);
        var events = await db.Events.AsNoTracking().Select(e => new { e.SeasonId, e.RelationshipId, e.EditedAt }).ToListAsync(cancellationToken);
        var episodes = await db.Episodes.AsNoTracking().InBroadcastOrder().Select(e => new { e.Slug, e.Deleted, e.EditedAt }).ToListAsync(cancellationToken);
        var characters = await db.Characters.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Slug, c.Deleted, c.EditedAt }).ToListAsync(cancellationToken);
        var jokes = await db.Jokes.AsNoTracking().Select(j => j.EditedAt).ToListAsync(cancellationToken);

        var storyOf = events.ToLookup(e => e.RelationshipId, e => e.EditedAt);
        var seasonOf = events.ToLookup(e => e.SeasonId, e => e.EditedAt);
        var pages = new List<(string Path, DateTimeOffset? Edited)>();
        foreach (var relationship in relationships)
        {
            var article = Latest([relationship.EditedAt, .. storyOf[relationship.Id]]);
            var slug = WikiDbContext.AddressValue(relationship.Id == first, relationship.Slug);
            pages.Add((site.Article(slug), article));
            pages.Add((site.Timeline(slug), Latest(storyOf[relationship.Id])));
        }

        var seasonTimes = seasons.Select(s => (s.Number, Edited: Latest([s.EditedAt, .. seasonOf[s.Id]]))).ToList();
        pages.Add((site.Seasons(), Latest(seasonTimes.Select(s => s.Edited))));
        pages.AddRange(seasonTimes.Select(s => (site.Season(s.Number), s.Edited)));
        var episodeTimes = episodes.Where(e => !e.Deleted).Select(e => (site.Episode(e.Slug), e.EditedAt)).ToList();
        pages.Add((site.Episodes(), Latest(episodeTimes.Select(e => e.EditedAt))));
        pages.AddRange(episodeTimes);
        var characterTimes = characters.Where(c => !c.Deleted).Select(c => (site.Character(c.Slug), c.EditedAt)).ToList();
        pages.Add((site.Characters(), Latest(characterTimes.Select(c => c.EditedAt))));
        pages.AddRange(characterTimes);
        // Recent changes lists every save, deleted entries' too.
        pages.Add((site.RecentChanges(), Latest([
            .. jokes, .. relationships.Select(r => r.EditedAt), .. seasons.Select(s => s.EditedAt), .. events.Select(e => e.EditedAt),
            .. episodes.Select(e => e.EditedAt), .. characters.Select(c => c.EditedAt)])));

        http.Tag([CacheTags.Changes, CacheTags.Relationships, CacheTags.EpisodeList, CacheTags.CharacterList]);
        return Results.Text(Write(pages, site), "application/xml; charset=utf-8", Encoding.UTF8);
    }

    private static string Write(IEnumerable<(string Path, DateTimeOffset? Edited)> pages, WikiAddresses site)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false }))
        {
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var (path, edited) in pages)
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", site.Absolute(path));
                if (edited is { } at)
                {
                    xml.WriteElementString("lastmod", at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}
