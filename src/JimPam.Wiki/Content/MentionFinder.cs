using System.Text.RegularExpressions;

namespace JimPam.Wiki.Content;

/// <summary>Finds which characters a piece of plain text names, by their names and aliases as whole words.</summary>
public sealed class MentionFinder
{
    private readonly List<(int CharacterId, Regex Pattern)> _patterns;

    public MentionFinder(IEnumerable<(int CharacterId, IEnumerable<string> Names)> characters) =>
        _patterns = characters
            .Select(c => (c.CharacterId, new Regex(
                @"(?<![\p{L}\p{N}])(?:" + string.Join('|', c.Names.Where(n => n.Length > 0).OrderByDescending(n => n.Length).Select(Regex.Escape)) + @")(?![\p{L}\p{N}])",
                RegexOptions.CultureInvariant)))
            .ToList();

    public static MentionFinder Empty { get; } = new([]);

    public IEnumerable<int> Find(string text) =>
        _patterns.Where(p => p.Pattern.IsMatch(text)).Select(p => p.CharacterId);
}
