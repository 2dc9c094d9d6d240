using System.Xml;
using System.Xml.Linq;
using JimPam.Wiki.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Accounts;

/// <summary>
/// The Data Protection keys that sign editors' login cookies live in the database (<see cref="WikiDbContext.DataProtectionKeys"/>),
/// so every instance on one database reads the same cookies. Versions before that kept them as files in <c>keys/</c>
/// beside the database; the first start moves them in, so nobody is logged out by the upgrade.
/// </summary>
public static class LoginKeys
{
    /// <summary>What moving the key files found: how many were added, and the files that could not be read.</summary>
    public sealed record Moved(int Added, IReadOnlyList<string> Unreadable);

    /// <summary>
    /// Adds every <c>key-*.xml</c> file of <paramref name="folder"/> that the database does not have yet (by its name,
    /// which is the key's name in the table too), in one save. The files stay where they are: a copy of the key ring,
    /// which the README says may be deleted once the app has started.
    /// </summary>
    public static async Task<Moved> MoveKeyFilesAsync(WikiDbContext db, string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return new Moved(0, []);
        }

        var known = (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var unreadable = new List<string>();
        var added = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "key-*.xml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (known.Contains(name))
            {
                continue;
            }

            try
            {
                var key = XElement.Load(file);
                db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = key.ToString(SaveOptions.DisableFormatting) });
                added++;
            }
            catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
            {
                unreadable.Add($"{file} ({e.Message})");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Moved(added, unreadable);
    }
}
