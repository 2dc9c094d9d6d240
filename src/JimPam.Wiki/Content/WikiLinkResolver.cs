namespace JimPam.Wiki.Content;

/// <summary>
/// Finds the episode or character a wiki link names, by title, name or alias, ignoring case,
/// punctuation and accents. Immutable once built, so one instance serves all requests.
/// </summary>
public sealed class WikiLinkResolver
{
    private readonly Dictionary<string, WikiLinkTarget> _byKey = new(StringComparer.Ordinal);

    public WikiLinkResolver(IEnumerable<(WikiLinkTarget Target, IEnumerable<string> Names)> entries)
    {
        // Episodes are added before characters, and the first claim on a key wins, so an
        // episode title beats a character alias that happens to spell the same.
        foreach (var (target, names) in entries.OrderBy(e => e.Target.Kind))
        {
            foreach (var name in names.Prepend(target.Title))
            {
                var key = Slug.TitleKey(name);
                if (key.Length > 0)
                {
                    _byKey.TryAdd(key, target);
                }
            }
        }
    }

    public static WikiLinkResolver Empty { get; } = new([]);

    public WikiLinkTarget? Resolve(string title) =>
        _byKey.TryGetValue(Slug.TitleKey(title), out var target) ? target : null;

    public WikiLinkTarget? ResolveEpisode(string title) =>
        Resolve(title) is { Kind: WikiLinkKind.Episode } target ? target : null;
}
