namespace JimPam.Wiki.Content;

/// <summary>
/// Where the wiki links of a body go, as the host's address book writes them: Content names what a link points at
/// and never types a route. <paramref name="Target"/> gives a resolved link's page; <paramref name="Missing"/> the
/// page of a link that names nothing the wiki has yet.
/// </summary>
public sealed record LinkAddresses(Func<WikiLinkTarget, string> Target, Func<string, string> Missing);
