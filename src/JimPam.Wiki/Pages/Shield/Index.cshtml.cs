using System.ComponentModel.DataAnnotations;
using JimPam.Wiki.Data;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Shield;

/// <summary>
/// Sets or clears the spoiler shield. A plain GET form (it changes only the reader's own cookie, and every page carries
/// it, so it must not need a session or token): with a season and episode the catalogue has, it stores them and goes
/// back to the page the reader came from; with <c>off</c> it clears them; otherwise it shows the form, with what is
/// wrong next to the field.
/// </summary>
public class IndexModel(WikiDbContext db, ILogger<IndexModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "season")]
    [Range(1, 99, ErrorMessage = "The season is a number from 1 to 99.")]
    public int? Season { get; set; }

    [BindProperty(SupportsGet = true, Name = "episode")]
    [Range(1, 99, ErrorMessage = "The episode is a number from 1 to 99.")]
    public int? Episode { get; set; }

    /// <summary>The page to go back to: a path of this site only.</summary>
    [BindProperty(SupportsGet = true, Name = "back")]
    public string? Back { get; set; }

    /// <summary>Present (any value, as in <c>?off=1</c>): clear the shield.</summary>
    [BindProperty(SupportsGet = true, Name = "off")]
    public string? Off { get; set; }

    public SpoilerShield Current { get; private set; } = SpoilerShield.Off;

    public string? CurrentTitle { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Current = SpoilerShield.Of(HttpContext);
        var shieldPage = Url.Page("/Shield/Index")!;
        var back = Back is not null && Url.IsLocalUrl(Back) && !Back.StartsWith(shieldPage, StringComparison.OrdinalIgnoreCase) ? Back : Url.Page("/Index")!;
        if (Off is not null)
        {
            Response.Cookies.Delete(SpoilerShield.CookieName, new CookieOptions { Path = "/" });
            return LocalRedirect(back);
        }

        if (Season is null && Episode is null)
        {
            ModelState.Clear();
            if (Current.UpTo is { } upTo)
            {
                (Season, Episode) = (upTo.Season, upTo.Number);
                CurrentTitle = await TitleAsync(upTo, cancellationToken);
            }

            return Page();
        }

        if (Season is null)
        {
            ModelState.AddModelError("season", "Give the season you have watched up to.");
        }

        if (Episode is null)
        {
            ModelState.AddModelError("episode", "Give the last episode you have watched.");
        }

        if (ModelState.IsValid)
        {
            var point = new EpisodePoint(Season!.Value, Episode!.Value);
            if (await TitleAsync(point, cancellationToken) is null)
            {
                var count = await db.Episodes.CountAsync(e => e.Season.Number == point.Season && !e.Deleted, cancellationToken);
                ModelState.AddModelError(
                    count == 0 ? "season" : "episode",
                    count == 0 ? $"There is no Season {point.Season}." : $"Season {point.Season} has {count} episodes; there is no episode {point.Number}.");
            }
            else
            {
                Response.Cookies.Append(SpoilerShield.CookieName, point.Code, new CookieOptions
                {
                    Path = "/",
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = Request.IsHttps,
                    MaxAge = TimeSpan.FromDays(365),
                    IsEssential = true,
                });
                logger.LogDebug("A reader set the spoiler shield to {Point}", point.Code);
                return LocalRedirect(back);
            }
        }

        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    /// <summary>The first error of a field, to show next to it.</summary>
    public string? ErrorOf(string field) => ModelState.TryGetValue(field, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    private Task<string?> TitleAsync(EpisodePoint point, CancellationToken cancellationToken) =>
        db.Episodes.AsNoTracking()
            .Where(e => e.Season.Number == point.Season && e.NumberInSeason == point.Number && !e.Deleted)
            .Select(e => e.Title)
            .FirstOrDefaultAsync(cancellationToken);
}
