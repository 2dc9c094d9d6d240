using JimPam.Wiki.Hosting;

// Serves the wiki; "editor add pam", "generate ..." and the other commands of WikiCommandLine run and exit.
return await WikiCommandLine.RunAsync(args);

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
