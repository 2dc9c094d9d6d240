using JimPam.Wiki.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Accounts;

/// <summary>
/// What the <c>editor</c> commands do (JimPam.Wiki.Hosting.EditorCommands reads their command lines): add, list,
/// reset-password, disable, enable, unlock. There is no default account and no default password; the first editor
/// is made here. A refused call returns 1 and says why on standard error.
/// </summary>
/// <param name="prompt">Asks at the terminal for a secret without echo; null when there is no terminal.</param>
public sealed class EditorCommand(UserManager<IdentityUser> users, WikiDbContext db, TimeProvider clock, TextReader input, TextWriter output, TextWriter error, Func<string, string>? prompt)
{
    public async Task<int> ListAsync()
    {
        var editors = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync();
        if (editors.Count == 0)
        {
            await output.WriteLineAsync("No editors yet. Add one with: editor add <name>");
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var locks = (await db.LoginThrottles.AsNoTracking().Where(t => t.LockedUntil > now).Select(t => new { t.Name, t.LockedUntil }).ToListAsync())
            .ToLookup(t => t.Name, t => t.LockedUntil!.Value);
        foreach (var editor in editors)
        {
            await output.WriteLineAsync($"{editor.UserName}\t{State(editor, locks[editor.NormalizedUserName ?? ""].ToList())}");
        }

        return 0;
    }

    public async Task<int> AddAsync(string name, bool fromStdin)
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

    public async Task<int> ResetPasswordAsync(string name, bool fromStdin)
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

        // The reset changes the security stamp, and the sessions end on the server too.
        var result = await users.ResetPasswordAsync(editor, await users.GeneratePasswordResetTokenAsync(editor), password);
        if (!result.Succeeded)
        {
            return Refuse(Describe(result));
        }

        await users.ResetAccessFailedCountAsync(editor);
        await EditorSessionStore.EndAllAsync(db, editor.Id, CancellationToken.None);
        await output.WriteLineAsync($"Set a new password for '{name}'; their open sessions have ended.");
        return 0;
    }

    public async Task<int> SetDisabledAsync(string name, bool disabled)
    {
        if (await users.FindByNameAsync(name) is not { } editor)
        {
            return Refuse($"there is no editor called '{name}'");
        }

        await users.SetLockoutEnabledAsync(editor, true);
        await users.SetLockoutEndDateAsync(editor, disabled ? DateTimeOffset.MaxValue : null);
        await users.ResetAccessFailedCountAsync(editor);
        await users.UpdateSecurityStampAsync(editor);
        await EditorSessionStore.EndAllAsync(db, editor.Id, CancellationToken.None);
        await output.WriteLineAsync(disabled
            ? $"Disabled '{name}': they cannot log in, and their open sessions have ended."
            : $"Enabled '{name}' again.");
        return 0;
    }

    public async Task<int> UnlockAsync(string name)
    {
        if (await users.FindByNameAsync(name) is not { } editor)
        {
            return Refuse($"there is no editor called '{name}'");
        }

        var ended = await EditorLogin.UnlockAsync(db, editor.NormalizedUserName ?? "", CancellationToken.None);
        await users.SetLockoutEndDateAsync(editor, editor.LockoutEnd == DateTimeOffset.MaxValue ? DateTimeOffset.MaxValue : null);
        await output.WriteLineAsync(ended == 0
            ? $"'{name}' had no failed logins to forget."
            : $"Unlocked '{name}': failed logins from {ended} address(es) are forgotten.");
        return 0;
    }

    private async Task<string?> ReadPasswordAsync(bool fromStdin)
    {
        if (fromStdin)
        {
            var line = await input.ReadLineAsync();
            return string.IsNullOrEmpty(line) ? null : line;
        }

        if (prompt is null)
        {
            return null;
        }

        var first = prompt("Password:");
        var second = prompt("Again:");
        if (first != second)
        {
            await error.WriteLineAsync("editor: the two passwords differ");
            return null;
        }

        return first.Length == 0 ? null : first;
    }

    private string State(IdentityUser editor, List<DateTime> lockedUntil) =>
        editor.LockoutEnd == DateTimeOffset.MaxValue ? "disabled"
        : lockedUntil.Count > 0 ? $"active; locked after failed logins from {lockedUntil.Count} address(es) until {lockedUntil.Max():u} (editor unlock {editor.UserName})"
        : editor.LockoutEnd > clock.GetUtcNow() ? $"locked until {editor.LockoutEnd:u}"
        : "active";

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));

    private int Refuse(string message)
    {
        error.WriteLine($"editor: {message}");
        return 1;
    }
}
