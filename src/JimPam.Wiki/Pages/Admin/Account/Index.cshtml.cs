using System.Security.Claims;
using JimPam.Wiki.Accounts;
using JimPam.Wiki.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Admin.Account;

/// <summary>An editor's own account: the sessions open in their name (started, last seen, browser, address), and "log out the others".</summary>
public class IndexModel(WikiDbContext db, ILogger<IndexModel> logger) : PageModel
{
    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];

    /// <summary>How many sessions "log out the others" just ended, when it ran.</summary>
    [TempData]
    public int? Ended { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = User.FindFirstValue(EditorSessionStore.SessionIdClaim);
        var rows = await db.LoginSessions.AsNoTracking()
            .Where(s => s.UserId == UserId)
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new { s.Id, s.StartedAt, s.LastSeenAt, s.UserAgent, s.ClientAddress })
            .ToListAsync(cancellationToken);
        Sessions = [.. rows.Select(s => new SessionRow(
            new DateTimeOffset(DateTime.SpecifyKind(s.StartedAt, DateTimeKind.Utc)),
            new DateTimeOffset(DateTime.SpecifyKind(s.LastSeenAt, DateTimeKind.Utc)),
            s.UserAgent, s.ClientAddress, s.Id == current))];
    }

    public async Task<IActionResult> OnPostEndOthersAsync(CancellationToken cancellationToken)
    {
        var current = User.FindFirstValue(EditorSessionStore.SessionIdClaim) ?? "";
        Ended = await db.LoginSessions.Where(s => s.UserId == UserId && s.Id != current).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Editor {Editor} logged out {Count} other session(s)", User.Identity?.Name, Ended);
        return RedirectToPage();
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    /// <summary>One open session: when it began and was last used, the browser it began in, and whether it is this one.</summary>
    public sealed record SessionRow(DateTimeOffset Started, DateTimeOffset LastSeen, string? Browser, string? Address, bool IsThis);
}
