using System.ComponentModel.DataAnnotations;
using JimPam.Wiki.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace JimPam.Wiki.Pages.Account;

/// <summary>The editors' login form. Failures are logged with the name tried, never the password.</summary>
[EnableRateLimiting(WikiAccounts.LoginRateLimit)]
public class LoginModel(EditorLogin login, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public LoginForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (await login.LogInAsync(Form.Name, Form.Password, client, cancellationToken))
        {
            logger.LogInformation("Editor {Editor} logged in from {ClientAddress}", Form.Name, client);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Page("/Admin/Index")!);
        }

        // One answer for an unknown name, a wrong password, a locked name and a disabled editor: a login tells nobody which.
        logger.LogWarning("Failed login for {Editor} from {ClientAddress}", Form.Name, client);
        ModelState.AddModelError(string.Empty, EditorLogin.Refusal);
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
