namespace JimPam.Wiki.Data;

/// <summary>A word (found by its beginnings) or a phrase (the words together, in order) to search for.</summary>
public sealed record SearchTerm(string Text, bool Phrase);
