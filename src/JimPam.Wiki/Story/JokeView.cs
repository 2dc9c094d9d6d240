using Microsoft.AspNetCore.Html;

namespace JimPam.Wiki.Story;

/// <summary>A recurring joke as the pages show it: its stored HTML, and its id for the editors' links.</summary>
public sealed record JokeView(int Id, IHtmlContent Body)
{
    public JokeView(int id, string html)
        : this(id, new HtmlString(html))
    {
    }
}
