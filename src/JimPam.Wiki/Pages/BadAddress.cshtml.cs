using JimPam.Wiki.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JimPam.Wiki.Pages;

/// <summary>The 400 page of an address that cannot be read (<see cref="AddressCheck"/>); it says why, and links the page without the value at fault.</summary>
public class BadAddressModel : PageModel
{
    public AddressProblem? Problem { get; private set; }

    public IActionResult OnGet()
    {
        Problem = HttpContext.Features.Get<AddressProblem>();
        if (Problem is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
