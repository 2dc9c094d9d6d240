namespace JimPam.Wiki.Tests;

/// <summary>
/// A test class whose tests write: each test gets an app and a database of its own (copied from the seeded template),
/// so no test depends on another's writes; xunit disposes it after the test.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the test class through IAsyncLifetime.DisposeAsync.")]
public abstract class WikiOfItsOwn : IAsyncLifetime
{
    protected WikiAppFactory App { get; } = new();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await App.DisposeAsync();
}
