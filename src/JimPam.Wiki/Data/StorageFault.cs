namespace JimPam.Wiki.Data;

/// <summary>
/// Why the database refused a write that the wiki's own rules allowed: nothing was changed, and trying again later
/// may work. <see cref="WikiStore.FaultOf"/> reads it from the engine's error.
/// </summary>
public enum StorageFault
{
    /// <summary>The disk (or the file's quota) has no room for the write.</summary>
    Full,

    /// <summary>Another connection held the database past the busy timeout.</summary>
    Busy,

    /// <summary>The file, its folder or the mount has become read-only (or the PostgreSQL server is a read-only standby).</summary>
    ReadOnly,

    /// <summary>The database server could not be reached, or went away during the write (PostgreSQL only).</summary>
    Unreachable,
}
