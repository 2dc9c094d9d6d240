namespace JimPam.Wiki.Data;

/// <summary>A person in the show, with the names the wiki text uses for them.</summary>
public class Character : IEditedEntry
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public string? FullName { get; set; }
    public string? Actor { get; set; }
    public List<CharacterAlias> Aliases { get; set; } = [];
    /// <summary>The number of the latest revision; a concurrency token, so a stale form cannot overwrite a newer save.</summary>
    public int Revision { get; set; }

    /// <summary>Who saved the latest revision (stored by the writer with each revision).</summary>
    public string? EditedBy { get; set; }

    /// <summary>When the latest revision was saved.</summary>
    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>Deleted by an editor: gone from lists and links (links to it show as broken), kept with its history so it can be restored.</summary>
    public bool Deleted { get; set; }
}

/// <summary>Another name for a character ("Pam", "Cece"), used for links and for finding mentions.</summary>
public class CharacterAlias
{
    public int Id { get; set; }
    public int CharacterId { get; set; }
    public string Name { get; set; } = "";
}
