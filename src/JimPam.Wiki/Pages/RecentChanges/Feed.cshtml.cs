using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using JimPam.Wiki.Caching;
using JimPam.Wiki.Content;
using JimPam.Wiki.Data;
using JimPam.Wiki.Infrastructure;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace JimPam.Wiki.Pages.RecentChanges;

/// <summary>Recent changes as an Atom feed (System.ServiceModel.Syndication), with absolute links to each diff.</summary>
[OutputCache(PolicyName = WikiPagePolicy.Name)]
public class FeedModel(WikiDbContext db, SiteAddress site) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        HttpContext.Tag(CacheTags.Changes);
        var changes = await RecentChangesQuery.LoadAsync(db, IndexModel.Count, cancellationToken);
        var feed = new SyndicationFeed("JimPam.Wiki: recent changes", "The latest edits to JimPam.Wiki.", new Uri(site.Absolute(Url.Page("/RecentChanges/Index")!)))
        {
            Id = site.Absolute(Url.Page("/RecentChanges/Feed")!),
            LastUpdatedTime = changes.Count > 0 ? changes[0].SavedAt : DateTimeOffset.UnixEpoch,
            Items = [.. changes.Select(Item)],
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(feed.Id)));

        var output = new MemoryStream();
        await using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return File(output.ToArray(), "application/atom+xml; charset=utf-8");
    }

    private SyndicationItem Item(RecentChangesQuery.Change change)
    {
        var values = change.Number > 1
            ? (object)new { type = change.Type, id = change.Id, from = change.Number - 1, to = change.Number }
            : new { type = change.Type, id = change.Id };
        var link = new Uri(site.Absolute(Url.Page("/History/Entry", values)!));
        var summary = change.Summary.Length > 0 ? change.Summary : "(no summary)";

        // Text stored before the writer refused what XML cannot hold (a NUL in a name made this feed a 500).
        var item = new SyndicationItem(UnicodeText.ForXml($"{change.Entry}, revision {change.Number}"), UnicodeText.ForXml($"{change.Author}: {summary}"), link, $"{link}#revision-{change.Number}", change.SavedAt)
        {
            PublishDate = change.SavedAt,
        };
        item.Authors.Add(new SyndicationPerson { Name = UnicodeText.ForXml(change.Author) });
        return item;
    }
}
