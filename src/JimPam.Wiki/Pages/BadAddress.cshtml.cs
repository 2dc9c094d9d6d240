using JimPam.Wiki.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JimPam.Wiki.Pages;

/// <summary>The 400 page of an address whose asOf cannot be used (<see cref="AsOfCheck"/>); it says why, and links the page without it.</summary>
public class BadAddressModel : PageModel
{
    public AsOfProblem? Problem { get; private set; }

    public IActionResult OnGet()
    {
        Problem = HttpContext.Features.Get<AsOfProblem>();
        if (Problem is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
