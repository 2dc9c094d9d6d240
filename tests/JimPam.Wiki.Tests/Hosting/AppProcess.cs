using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace JimPam.Wiki.Tests.Hosting;

/// <summary>
/// The app as an operator runs it: its own process (dotnet JimPam.Wiki.dll) in Production, on a free loopback
/// port, with the database and settings a test gives. Collects what it prints.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private AppProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public static string AppAssembly =>
        typeof(AppProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AppAssembly").Value!;

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the process printed, standard output and standard error, in the order it came.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>What the process printed to standard error alone.</summary>
    public string ErrorOutput
    {
        get
        {
            lock (_output)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the app on the database file. runAs: a user to drop to (when the tests run as root), so file permissions
    /// apply. port: the port to listen on (an instance restarted where a load balancer expects it); a free one if null.
    /// urlsFromEnvironment: the address is given in ASPNETCORE_URLS, as a container or service manager gives it, not --urls.
    /// </summary>
    public static AppProcess Start(string databasePath, IReadOnlyDictionary<string, string>? settings = null, string? appAssembly = null, string? runAs = null, int? port = null, bool urlsFromEnvironment = false)
    {
        port ??= FreePort();
        var assembly = appAssembly ?? AppAssembly;
        var arguments = new List<string>();
        if (runAs is not null)
        {
            arguments.AddRange(["--reuid=" + runAs, "--regid=nogroup", "--clear-groups", "--", "dotnet"]);
        }

        var urls = $"http://127.0.0.1:{port.Value}";
        arguments.AddRange(urlsFromEnvironment ? [assembly] : [assembly, "--urls", urls]);
        arguments.Add($"--ConnectionStrings:Wiki=Data Source={databasePath}");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            arguments.Add($"--{key}={value}");
        }

        var info = new ProcessStartInfo(runAs is null ? "dotnet" : "setpriv")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment.Remove("ASPNETCORE_URLS");
        if (urlsFromEnvironment)
        {
            info.Environment["ASPNETCORE_URLS"] = urls;
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        if (runAs is not null)
        {
            info.Environment["HOME"] = Path.GetTempPath();
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var app = new AppProcess(process, port.Value);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data, error: true);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Runs the app as a command (such as "editor add pam") to its end, with the given standard input.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunCommandAsync(string databasePath, string standardInput, params string[] command)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(AppAssembly)!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { AppAssembly }.Concat(command).Append($"--ConnectionStrings:Wiki=Data Source={databasePath}"))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(standardInput);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // A guard against a command that never ends, not a measure of speed: a busy machine may take minutes.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>True once /healthz answers 200; false if the process exits first or the time runs out.</summary>
    public async Task<bool> WaitUntilServingAsync(TimeSpan? timeout = null)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    // The app writes its log a few times a second (BufferedConsoleSink): its start-up lines, Kestrel's
                    // "Now listening" last, may reach the output just after the first answer.
                    var logged = DateTime.UtcNow + TimeSpan.FromSeconds(10);
                    while (!Output.Contains("Now listening on:", StringComparison.Ordinal) && DateTime.UtcNow < logged && !_process.HasExited)
                    {
                        await Task.Delay(50);
                    }

                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(100);
        }

        return false;
    }

    public HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    /// <summary>The exit code, or null if the process still runs after the timeout.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>SIGKILL: the process gets no chance to clean up, as in a crash or an OOM kill.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.Yield();
        _process.Dispose();
    }

    private void Append(string? line, bool error = false)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (error)
            {
                _error.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
