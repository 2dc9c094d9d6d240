namespace JimPam.Wiki.Data;

/// <summary>A season of the show. The summary is the relationship article's own first sentence for that season.</summary>
public class Season
{
    public int Id { get; set; }
    public int Number { get; set; }
    public string Summary { get; set; } = "";
    public List<Episode> Episodes { get; set; } = [];
}
