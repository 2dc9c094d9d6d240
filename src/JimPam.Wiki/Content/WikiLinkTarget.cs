namespace JimPam.Wiki.Content;

public enum WikiLinkKind
{
    Episode,
    Character,
}

/// <summary>What a wiki link points at once resolved.</summary>
public sealed record WikiLinkTarget(WikiLinkKind Kind, int Id, string Slug, string Title);
