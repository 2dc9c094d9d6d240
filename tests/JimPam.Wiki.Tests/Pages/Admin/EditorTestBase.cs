using JimPam.Wiki.Tests.Pages.Account;

namespace JimPam.Wiki.Tests.Pages.Admin;

/// <summary>
/// What the tests that edit share: an app and a database of their own (so no test depends on another's edits), the
/// editors "pam" and "jim", and pam logged in.
/// </summary>
public abstract class EditorTestBase : WikiOfItsOwn
{
    protected EditorSession Pam { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await EditorSession.AddEditorAsync(App, "pam");
        await EditorSession.AddEditorAsync(App, "jim");
        Pam = new EditorSession(App);
        (await Pam.LogInAsync("pam")).Dispose();
    }

    /// <summary>A second editor, logged in with a session of their own.</summary>
    protected async Task<EditorSession> LogInJimAsync()
    {
        var jim = new EditorSession(App);
        (await jim.LogInAsync("jim")).Dispose();
        return jim;
    }

    public override async Task DisposeAsync()
    {
        Pam.Dispose();
        await base.DisposeAsync();
    }
}
