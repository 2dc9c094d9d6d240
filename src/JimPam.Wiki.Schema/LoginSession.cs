namespace JimPam.Wiki.Data;

/// <summary>
/// One editor login, kept on the server: the editor's cookie carries only its key. Logging out deletes it, and a
/// cookie whose record is gone opens nothing, even a copy taken before the logout. Every app instance on the
/// database sees the same records.
/// </summary>
public class LoginSession
{
    /// <summary>The key the cookie carries: random, 32 hex digits.</summary>
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>The authentication ticket (the editor's claims and the cookie's lifetime), serialised.</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTime StartedAt { get; set; }

    public DateTime LastSeenAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public string? ClientAddress { get; set; }

    /// <summary>The browser's User-Agent at login, cut to 300 characters.</summary>
    public string? UserAgent { get; set; }
}
