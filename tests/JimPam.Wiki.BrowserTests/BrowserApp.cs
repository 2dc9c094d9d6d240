using JimPam.Wiki.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace JimPam.Wiki.BrowserTests;

/// <summary>
/// The real app on Kestrel, on a free loopback port (a browser needs a socket, not TestServer),
/// with a fresh SQLite file in a temp folder for each run, and one Chromium for all the tests.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync, which disposes the factory.")]
public sealed class BrowserApp : IAsyncLifetime
{
    public const string ChromiumFlags = "--no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync";

    // The test suite's one factory (WikiAppFactory, compiled into this project from JimPam.Wiki.Tests): a fresh
    // SQLite file of its own, which the app makes and seeds at its first start, served on Kestrel for the browser.
    private readonly WikiAppFactory _factory = WikiAppFactory.Fresh();
    private IPlaywright? _playwright;

    private readonly Lazy<Task<string>> _editorSession;
    private readonly List<IBrowserContext> _open = [];

    public BrowserApp()
    {
        _editorSession = new(LogInOnceAsync);
    }

    public string BaseUrl { get; private set; } = "";

    /// <summary>The app's SQLite file, which commands run on (export-site). The browser tests run on SQLite (test.sh's first pass).</summary>
    public string DatabasePath => _factory.DatabasePath;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go; .ci/run prints this folder.</summary>
    public static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("JIMPAM_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(TestPaths.RepositoryRoot(), "artifacts", "screenshots");

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. The browser tests need it: install it with " +
                "'sudo apt-get install -y chromium' (./test.sh does this for you), or point CHROMIUM_PATH at a Chromium binary.");
        }

        BaseUrl = _factory.ServeOnKestrel();

        // Generous waits: CI machines are small and may be busy; a slow page is not a failed one.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumFlags.Split(' '),
        });
    }

    /// <summary>Makes an editor account, as "editor add" on the command line does.</summary>
    public async Task AddEditorAsync(string name, string password)
    {
        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>();
        var result = await users.CreateAsync(new Microsoft.AspNetCore.Identity.IdentityUser(name), password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>
    /// Makes an editor account with the app's own command line, as an operator does:
    /// <c>dotnet JimPam.Wiki.dll editor add NAME --password-stdin</c>, on this app's database.
    /// </summary>
    public async Task AddEditorFromCommandLineAsync(string name, string password)
    {
        var app = System.Reflection.CustomAttributeExtensions.GetCustomAttributes<System.Reflection.AssemblyMetadataAttribute>(typeof(BrowserApp).Assembly).Single(a => a.Key == "AppAssembly").Value!;
        var info = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { app, "editor", "add", name, "--password-stdin", $"--ConnectionStrings:Wiki=Data Source={DatabasePath}" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = System.Diagnostics.Process.Start(info)!;
        await process.StandardInput.WriteLineAsync(password);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"editor add {name} exited with {process.ExitCode}: {await output} {await error}");
        }
    }

    /// <summary>A new browser context (its own cookies and settings) with one page in it.</summary>
    public Task<IPage> NewPageAsync(bool javaScript = true, int width = 1280, int height = 800, ColorScheme colorScheme = ColorScheme.Light) =>
        NewPageAsync(javaScript, width, height, colorScheme, storageState: null);

    /// <summary>The editor that the editing journeys share, made with "editor add" on the command line.</summary>
    public const string EditorName = "editor", EditorPassword = "beach games at the office";

    /// <summary>
    /// A new browser context logged in as <see cref="EditorName"/>, with one page in it. The editor is made and logs in
    /// through the login form once per run; later contexts start with that session's cookies, as a browser that stays
    /// logged in does. So the journeys never meet the login form's limit of posts a minute, however fast the machine.
    /// </summary>
    public async Task<IPage> NewEditorPageAsync(bool javaScript = true, int width = 1280, int height = 800, ColorScheme colorScheme = ColorScheme.Light) =>
        await NewPageAsync(javaScript, width, height, colorScheme, await _editorSession.Value);

    private async Task<IPage> NewPageAsync(bool javaScript, int width, int height, ColorScheme colorScheme, string? storageState)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
            StorageState = storageState,
        });
        lock (_open)
        {
            _open.Add(context);
        }

        return await context.NewPageAsync();
    }

    /// <summary>Closes every context the last test opened, so each test starts with only the browser running.</summary>
    public async Task CloseContextsAsync()
    {
        IBrowserContext[] open;
        lock (_open)
        {
            open = [.. _open];
            _open.Clear();
        }

        foreach (var context in open)
        {
            await context.CloseAsync();
        }
    }

    private async Task<string> LogInOnceAsync()
    {
        await AddEditorFromCommandLineAsync(EditorName, EditorPassword);
        var page = await NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("Editor name").FillAsync(EditorName);
        await page.GetByLabel("Password").FillAsync(EditorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".footer-account")).ToContainTextAsync(EditorName);
        var state = await page.Context.StorageStateAsync();
        await page.Context.CloseAsync();
        return state;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }
}

/// <summary>A browser test: after each test, the browser contexts it opened are closed (xunit disposes the test class).</summary>
public abstract class BrowserTest(BrowserApp app) : IAsyncLifetime
{
    protected BrowserApp App { get; } = app;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => App.CloseContextsAsync();
}

[CollectionDefinition(Name)]
public sealed class BrowserSuite : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}
