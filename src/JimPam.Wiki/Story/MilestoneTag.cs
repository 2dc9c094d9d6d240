namespace JimPam.Wiki.Story;

/// <summary>A milestone as a page shows it beside the text that tells it: its label, and the status it starts, if any.</summary>
public sealed record MilestoneTag(string Label, string? Status);
