using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JimPam.Wiki.Pages.Account;

/// <summary>Logging out is a POST with an antiforgery token, so no link or image elsewhere can log an editor out.</summary>
public class LogoutModel(SignInManager<IdentityUser> signIn, ILogger<LogoutModel> logger) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        // A form that could not be read as sent (FormReading) does nothing, logging out included, and says why.
        if (!ModelState.IsValid)
        {
            return Page();
        }

        logger.LogInformation("Editor {Editor} logged out", User.Identity?.Name);
        await signIn.SignOutAsync();
        return LocalRedirect(Url.Page("/Index")!);
    }
}
