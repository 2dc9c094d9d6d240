using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Accounts;

/// <summary>
/// Manages editor accounts from the command line of the same binary: <c>editor add|list|reset-password|disable|enable</c>.
/// There is no default account and no default password; the first editor is made here. A refused call
/// exits non-zero and says why on standard error.
/// </summary>
public sealed class EditorCommand(UserManager<IdentityUser> users, TimeProvider clock, TextReader input, TextWriter output, TextWriter error, bool interactive)
{
    public const string Usage =
        "usage: editor add <name> [--password-stdin]\n" +
        "       editor reset-password <name> [--password-stdin]\n" +
        "       editor disable <name>\n" +
        "       editor enable <name>\n" +
        "       editor list\n" +
        "Without --password-stdin the password is asked for twice at the terminal, without echo.";

    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "editor";

    public async Task<int> RunAsync(string[] args)
    {
        var words = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var fromStdin = args.Contains("--password-stdin");
        var unknown = args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a != "--password-stdin").ToList();
        if (unknown.Count > 0)
        {
            return Refuse($"unknown option {unknown[0]}\n{Usage}");
        }

        return (words.FirstOrDefault(), words.Count) switch
        {
            ("list", 1) => await ListAsync(),
            ("add", 2) => await AddAsync(words[1], fromStdin),
            ("reset-password", 2) => await ResetPasswordAsync(words[1], fromStdin),
            ("disable", 2) => await SetDisabledAsync(words[1], disabled: true),
            ("enable", 2) => await SetDisabledAsync(words[1], disabled: false),
            _ => Refuse(Usage),
        };
    }

    private async Task<int> ListAsync()
    {
        var editors = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync();
        if (editors.Count == 0)
        {
            await output.WriteLineAsync("No editors yet. Add one with: editor add <name>");
            return 0;
        }

        foreach (var editor in editors)
        {
            await output.WriteLineAsync($"{editor.UserName}\t{State(editor)}");
        }

        return 0;
    }

    private async Task<int> AddAsync(string name, bool fromStdin)
    {
        if (await users.FindByNameAsync(name) is not null)
        {
            return Refuse($"an editor called '{name}' already exists");
        }

        var password = await ReadPasswordAsync(fromStdin);
        if (password is null)
        {
            return Refuse(fromStdin ? "no password on standard input" : "no terminal to ask for the password; pipe it in with --password-stdin");
        }

        var result = await users.CreateAsync(new IdentityUser(name), password);
        if (!result.Succeeded)
        {
            return Refuse(Describe(result));
        }

        await output.WriteLineAsync($"Added the editor '{name}'. They can log in at /login.");
        return 0;
    }

    private async Task<int> ResetPasswordAsync(string name, bool fromStdin)
    {
        if (await users.FindByNameAsync(name) is not { } editor)
        {
            return Refuse($"there is no editor called '{name}'");
        }

        var password = await ReadPasswordAsync(fromStdin);
        if (password is null)
        {
            return Refuse(fromStdin ? "no password on standard input" : "no terminal to ask for the password; pipe it in with --password-stdin");
        }

        // The reset changes the security stamp, which ends the editor's open sessions at their next request.
        var result = await users.ResetPasswordAsync(editor, await users.GeneratePasswordResetTokenAsync(editor), password);
        if (!result.Succeeded)
        {
            return Refuse(Describe(result));
        }

        await users.ResetAccessFailedCountAsync(editor);
        await output.WriteLineAsync($"Set a new password for '{name}'; their open sessions have ended.");
        return 0;
    }

    private async Task<int> SetDisabledAsync(string name, bool disabled)
    {
        if (await users.FindByNameAsync(name) is not { } editor)
        {
            return Refuse($"there is no editor called '{name}'");
        }

        await users.SetLockoutEnabledAsync(editor, true);
        await users.SetLockoutEndDateAsync(editor, disabled ? DateTimeOffset.MaxValue : null);
        await users.ResetAccessFailedCountAsync(editor);
        await users.UpdateSecurityStampAsync(editor);
        await output.WriteLineAsync(disabled
            ? $"Disabled '{name}': they cannot log in, and their open sessions have ended."
            : $"Enabled '{name}' again.");
        return 0;
    }

    private async Task<string?> ReadPasswordAsync(bool fromStdin)
    {
        if (fromStdin)
        {
            var line = await input.ReadLineAsync();
            return string.IsNullOrEmpty(line) ? null : line;
        }

        if (!interactive)
        {
            return null;
        }

        var first = Prompt("Password: ");
        var second = Prompt("Again: ");
        if (first != second)
        {
            await error.WriteLineAsync("editor: the two passwords differ");
            return null;
        }

        return first.Length == 0 ? null : first;
    }

    private string Prompt(string label)
    {
        error.Write(label);
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                error.WriteLine();
                return typed.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }

    private string State(IdentityUser editor) =>
        editor.LockoutEnd == DateTimeOffset.MaxValue ? "disabled"
        : editor.LockoutEnd > clock.GetUtcNow() ? $"locked until {editor.LockoutEnd:u} after failed logins"
        : "active";

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));

    private int Refuse(string message)
    {
        error.WriteLine($"editor: {message}");
        return 1;
    }
}
