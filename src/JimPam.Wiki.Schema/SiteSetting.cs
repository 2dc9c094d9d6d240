namespace JimPam.Wiki.Data;

/// <summary>A fact about the database as a whole, such as which version of the Markdown rendering its stored HTML came from.</summary>
public class SiteSetting
{
    public const string RenderedWith = "rendered-with";

    public string Key { get; set; } = "";

    public string Value { get; set; } = "";
}
