using System.Security.Claims;
using System.Security.Cryptography;
using JimPam.Wiki.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Accounts;

/// <summary>
/// Keeps each editor login on the server, in the wiki's database (<see cref="LoginSession"/>): the cookie carries
/// only the record's key. Logging out deletes the record, so a copy of the cookie taken before opens nothing
/// afterwards; the editor's account page lists the open sessions and can end the others. Every app instance on
/// the same database shares the records.
/// </summary>
public sealed class EditorSessionStore(IServiceScopeFactory scopes, TimeProvider clock, ILogger<EditorSessionStore> logger) : ITicketStore
{
    /// <summary>
    /// The claim that tells a request which session it belongs to, kept in the stored ticket (the cookie handler keeps
    /// its own copy of the key to itself). <see cref="WikiAccounts"/> carries it over when the security stamp check
    /// refreshes the editor's claims.
    /// </summary>
    public const string SessionIdClaim = "jimpam:session";

    /// <summary>Last-seen times move on at most this often, so reading pages does not write on every request.</summary>
    public static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(1);

    private static readonly object LastSeenItem = new();

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null!, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        if (ticket.Principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(SessionIdClaim, id));
        }

        var session = new LoginSession
        {
            Id = id,
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            Ticket = TicketSerializer.Default.Serialize(ticket),
            StartedAt = now,
            LastSeenAt = now,
            ExpiresAt = ticket.Properties.ExpiresUtc?.UtcDateTime,
            ClientAddress = httpContext?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = httpContext?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent[..Math.Min(agent.Length, 300)] : null,
        };
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WikiDbContext>();
        db.LoginSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null!, CancellationToken.None);

    /// <summary>
    /// Called on every editor request (the security stamp is checked on each, and the cookie renewed): the record's
    /// ticket, expiry and last-seen time are written at most once per <see cref="SeenResolution"/>. A storage fault
    /// (a full disk) skips the write: the session stays valid as it was, and the editor goes on reading.
    /// </summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WikiDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        // The request read its session a moment ago (RetrieveAsync noted when it was last seen); otherwise ask.
        var seen = httpContext?.Items[LastSeenItem] is DateTime noted
            ? noted
            : await db.LoginSessions.AsNoTracking().Where(s => s.Id == key).Select(s => (DateTime?)s.LastSeenAt).FirstOrDefaultAsync(cancellationToken);
        if (seen is null || now - seen < SeenResolution)
        {
            // Gone (logged out elsewhere: it stays gone), or written a moment ago.
            return;
        }

        var expires = ticket.Properties.ExpiresUtc?.UtcDateTime;
        var bytes = TicketSerializer.Default.Serialize(ticket);
        try
        {
            await db.LoginSessions.Where(s => s.Id == key)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Ticket, bytes).SetProperty(s => s.ExpiresAt, expires).SetProperty(s => s.LastSeenAt, now), cancellationToken);
        }
        catch (Exception e) when (WikiStore.FaultOf(e) is { } fault)
        {
            logger.LogDebug("Could not renew session {Session}: {Fault}", key[..Math.Min(8, key.Length)], fault);
        }
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null!, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WikiDbContext>();
        var session = await db.LoginSessions.AsNoTracking().Where(s => s.Id == key).Select(s => new { s.Ticket, s.ExpiresAt, s.LastSeenAt }).FirstOrDefaultAsync(cancellationToken);
        if (session is null || session.ExpiresAt < clock.GetUtcNow().UtcDateTime)
        {
            return null;
        }

        if (httpContext is not null)
        {
            httpContext.Items[LastSeenItem] = session.LastSeenAt;
        }

        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null!, CancellationToken.None);

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WikiDbContext>().LoginSessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Ends every session of an editor (their password was reset, or they were disabled). Returns how many there were.</summary>
    public static Task<int> EndAllAsync(WikiDbContext db, string userId, CancellationToken cancellationToken) =>
        db.LoginSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}
