using System.Globalization;
using System.Text;
using System.Xml;
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
        // The latest revision of every entry: one row each, found through the revision number's index.
        var latest = (await (
                from r in db.Revisions.AsNoTracking()
                where r.Number == db.Revisions.Where(x => x.EntityType == r.EntityType && x.EntityId == r.EntityId).Max(x => x.Number)
                select new { r.EntityType, r.EntityId, r.SavedAt })
            .ToListAsync(cancellationToken))
            .ToDictionary(r => (r.EntityType, r.EntityId), r => r.SavedAt);
        DateTimeOffset? Edited(string type, int id) => latest.TryGetValue((type, id), out var at) ? at : null;
        DateTimeOffset? Latest(IEnumerable<DateTimeOffset?> times) => times.Max();

        var first = await db.FirstRelationshipIdAsync(cancellationToken);
        var relationships = await db.Relationships.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.Slug }).ToListAsync(cancellationToken);
        var seasons = await db.Seasons.AsNoTracking().OrderBy(s => s.Number).Select(s => new { s.Id, s.Number }).ToListAsync(cancellationToken);
        var events = await db.Events.AsNoTracking().Select(e => new { e.Id, e.SeasonId, e.RelationshipId }).ToListAsync(cancellationToken);
        var episodes = await db.Episodes.AsNoTracking().Where(e => !e.Deleted).InBroadcastOrder().Select(e => new { e.Id, e.Slug }).ToListAsync(cancellationToken);
        var characters = await db.Characters.AsNoTracking().Where(c => !c.Deleted).OrderBy(c => c.Name).Select(c => new { c.Id, c.Slug }).ToListAsync(cancellationToken);

        var storyOf = events.ToLookup(e => e.RelationshipId, e => Edited(Revision.EventType, e.Id));
        var seasonOf = events.ToLookup(e => e.SeasonId, e => Edited(Revision.EventType, e.Id));
        var pages = new List<(string Path, DateTimeOffset? Edited)>();
        foreach (var relationship in relationships)
        {
            var article = Latest([Edited(Revision.RelationshipType, relationship.Id), .. storyOf[relationship.Id]]);
            var slug = WikiDbContext.AddressValue(relationship.Id == first, relationship.Slug);
            pages.Add((site.Article(slug), article));
            pages.Add((site.Timeline(slug), Latest(storyOf[relationship.Id])));
        }

        var seasonTimes = seasons.Select(s => (s.Number, Edited: Latest([Edited(Revision.SeasonType, s.Id), .. seasonOf[s.Id]]))).ToList();
        pages.Add((site.Seasons(), Latest(seasonTimes.Select(s => s.Edited))));
        pages.AddRange(seasonTimes.Select(s => (site.Season(s.Number), s.Edited)));
        var episodeTimes = episodes.Select(e => (site.Episode(e.Slug), Edited(Revision.EpisodeType, e.Id))).ToList();
        pages.Add((site.Episodes(), Latest(episodeTimes.Select(e => e.Item2))));
        pages.AddRange(episodeTimes);
        var characterTimes = characters.Select(c => (site.Character(c.Slug), Edited(Revision.CharacterType, c.Id))).ToList();
        pages.Add((site.Characters(), Latest(characterTimes.Select(c => c.Item2))));
        pages.AddRange(characterTimes);
        pages.Add((site.RecentChanges(), latest.Count == 0 ? null : latest.Values.Max()));

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
