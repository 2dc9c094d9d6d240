namespace JimPam.Wiki.Data;

/// <summary>
/// Failed logins for one editor name from one client address. Five in a row lock that name for that address
/// only, so failures from one address never lock the editor out of theirs. Kept for unknown names too, so a
/// login does the same work whether the name is an editor's or not.
/// </summary>
public class LoginThrottle
{
    public int Id { get; set; }

    /// <summary>The name tried, normalised as Identity normalises user names.</summary>
    public string Name { get; set; } = "";

    public string ClientAddress { get; set; } = "";

    /// <summary>Failures since the last success or lockout.</summary>
    public int Failures { get; set; }

    /// <summary>Until when (UTC) this name is locked for this address, if it is.</summary>
    public DateTime? LockedUntil { get; set; }

    public DateTime LastFailureAt { get; set; }
}
