namespace JimPam.Wiki.Data;

/// <summary>An episode of the show, cited by relationship events and jokes.</summary>
public class Episode : IEditedEntry
{
    public int Id { get; set; }
    public int SeasonId { get; set; }
    public Season Season { get; set; } = null!;
    public int NumberInSeason { get; set; }
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public DateOnly? AirDate { get; set; }
    public List<EpisodeAlias> Aliases { get; set; } = [];
    /// <summary>The number of the latest revision; a concurrency token, so a stale form cannot overwrite a newer save.</summary>
    public int Revision { get; set; }

    /// <summary>Who saved the latest revision (stored by the writer with each revision).</summary>
    public string? EditedBy { get; set; }

    /// <summary>When the latest revision was saved.</summary>
    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>Deleted by an editor: gone from lists and links (links to it show as broken), kept with its history so it can be restored.</summary>
    public bool Deleted { get; set; }
}

/// <summary>Another spelling of an episode title that wiki links and the importer may use.</summary>
public class EpisodeAlias
{
    public int Id { get; set; }
    public int EpisodeId { get; set; }
    public string Title { get; set; } = "";
}
