using System.ComponentModel.DataAnnotations;
using JimPam.Wiki.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace JimPam.Wiki.Pages.Account;

/// <summary>The editors' login form. Failures are logged with the name tried, never the password.</summary>
[EnableRateLimiting(WikiAccounts.LoginRateLimit)]
public class LoginModel(SignInManager<IdentityUser> signIn, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public LoginForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var client = HttpContext.Connection.RemoteIpAddress?.ToString();
        var result = await signIn.PasswordSignInAsync(Form.Name, Form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Editor {Editor} logged in from {ClientAddress}", Form.Name, client);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Page("/Admin/Index")!);
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Login refused for {Editor} from {ClientAddress}: the account is locked or disabled", Form.Name, client);
            ModelState.AddModelError(string.Empty, "This account is locked after too many failed attempts, or disabled. Try again in 15 minutes, or ask another editor.");
        }
        else
        {
            logger.LogWarning("Failed login for {Editor} from {ClientAddress}", Form.Name, client);
            ModelState.AddModelError(string.Empty, "That name and password do not match an editor.");
        }

        Form.Password = "";
        return Page();
    }

    public sealed class LoginForm
    {
        [Required(ErrorMessage = "Enter your editor name.")]
        [StringLength(256)]
        [Display(Name = "Editor name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(1024)]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";
    }
}
