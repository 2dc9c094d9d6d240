using JimPam.Wiki.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JimPam.Wiki.Accounts;

/// <summary>
/// The login check. Whatever the name (an editor's, unknown, locked out, disabled), it does the same work and gives
/// the same answer, so a login tells nobody whether an editor exists: one password hash check (against a fixed
/// dummy hash when the name is unknown), and one failure counted for that name from that client address. Five
/// failures in a row lock the name for that address only (<see cref="LoginThrottle"/>), so nobody can lock an
/// editor out of their own address; the per-address rate limit on the form still bounds guessing.
/// </summary>
public sealed class EditorLogin(
    UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, WikiDbContext db, TimeProvider clock,
    IOptions<PasswordHasherOptions> hashing, ILogger<EditorLogin> logger)
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    /// <summary>How long failure counts of names nobody tries again are kept.</summary>
    private static readonly TimeSpan Forgotten = TimeSpan.FromDays(1);

    /// <summary>Stands in for an unknown name: its hash is checked as a real one would be, and never matches.</summary>
    private static readonly IdentityUser Nobody = new("nobody") { Id = "nobody" };

    private static readonly Lock DummyLock = new();
    private static string? _dummyHash;

    /// <summary>The one answer to every refused login.</summary>
    public const string Refusal = "That name and password do not match an editor who may log in from here. After five failed attempts, logins with that name from this address wait 15 minutes.";

    /// <summary>Logs the editor in (the session cookie is set) when the name and password match an active editor
    /// whose name is not locked for this address; otherwise counts a failure and returns false.</summary>
    public async Task<bool> LogInAsync(string name, string password, string clientAddress, CancellationToken cancellationToken)
    {
        var key = users.NormalizeName(name) ?? "";
        var now = clock.GetUtcNow().UtcDateTime;
        var throttle = await db.LoginThrottles.FirstOrDefaultAsync(t => t.Name == key && t.ClientAddress == clientAddress, cancellationToken);
        var user = await users.FindByNameAsync(name);

        // One hash check in every case, so an unknown name costs what a wrong password does.
        bool passwordMatches;
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(Nobody, DummyHash(), password);
            passwordMatches = false;
        }
        else
        {
            passwordMatches = await users.CheckPasswordAsync(user, password);
        }

        var allowed = user is not null && passwordMatches
            && !(throttle?.LockedUntil > now)
            && !await users.IsLockedOutAsync(user);

        if (allowed)
        {
            if (throttle is not null)
            {
                db.LoginThrottles.Remove(throttle);
                await db.SaveChangesAsync(cancellationToken);
            }

            await signIn.SignInAsync(user!, isPersistent: false);
            return true;
        }

        await CountFailureAsync(throttle, key, name, clientAddress, now, cancellationToken);
        return false;
    }

    /// <summary>Ends every lockout of this name, from every address (the <c>editor unlock</c> command). Returns how many there were.</summary>
    public static Task<int> UnlockAsync(WikiDbContext db, string normalizedName, CancellationToken cancellationToken) =>
        db.LoginThrottles.Where(t => t.Name == normalizedName).ExecuteDeleteAsync(cancellationToken);

    private async Task CountFailureAsync(LoginThrottle? throttle, string key, string name, string clientAddress, DateTime now, CancellationToken cancellationToken)
    {
        throttle ??= db.LoginThrottles.Add(new LoginThrottle { Name = key, ClientAddress = clientAddress }).Entity;
        if (throttle.LockedUntil <= now)
        {
            // A lockout that has run out starts the count afresh.
            (throttle.LockedUntil, throttle.Failures) = (null, 0);
        }

        throttle.Failures++;
        throttle.LastFailureAt = now;
        if (throttle.Failures >= MaxFailures && throttle.LockedUntil is null)
        {
            throttle.LockedUntil = now + LockoutTime;
            logger.LogWarning("Locked logins as {Editor} from {ClientAddress} until {LockedUntil:u} after {Failures} failures in a row", name, clientAddress, throttle.LockedUntil, throttle.Failures);
        }

        var forgotten = now - Forgotten;
        await db.LoginThrottles.Where(t => t.LastFailureAt < forgotten && (t.LockedUntil == null || t.LockedUntil < now)).ExecuteDeleteAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (throttle.Id == 0)
        {
            // Another login from the same address and name counted its first failure at the same moment: this one counts on it.
            db.ChangeTracker.Clear();
            var counted = await db.LoginThrottles.FirstAsync(t => t.Name == key && t.ClientAddress == clientAddress, cancellationToken);
            counted.Failures++;
            counted.LastFailureAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>A hash of a random password, made once with the same settings (and so the same work) as every editor's.</summary>
    private string DummyHash()
    {
        lock (DummyLock)
        {
            return _dummyHash ??= new PasswordHasher<IdentityUser>(hashing).HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        }
    }
}
