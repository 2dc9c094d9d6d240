namespace JimPam.Wiki.Data;

/// <summary>
/// Why the database refused a write that the wiki's own rules allowed: nothing was changed, and trying again later
/// may work. <see cref="SqliteStore.FaultOf"/> reads it from the provider's error.
/// </summary>
public enum StorageFault
{
    /// <summary>The disk (or the file's quota) has no room for the write.</summary>
    Full,

    /// <summary>Another connection held the database past the busy timeout.</summary>
    Busy,

    /// <summary>The file, its folder or the mount has become read-only.</summary>
    ReadOnly,
}
