using System.Text.Json;

namespace JimPam.Wiki.Tests.Hosting;

/// <summary>One event of the machine-readable log (Wiki:JsonLogPath, Serilog's compact JSON), as an operator's tools read it.</summary>
public sealed record LogLine(string Level, string? TraceId, string? RequestPath, int? StatusCode, string? Exception, string? ClientAddress, string Raw);

/// <summary>Reads the JSON log files of a folder while the app may still be writing them.</summary>
public static class JsonLog
{
    public static List<LogLine> Read(string folder)
    {
        var lines = new List<LogLine>();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json") : [])
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;
                lines.Add(new LogLine(
                    Text("@l") ?? "Information",
                    Text("@tr"),
                    Text("RequestPath"),
                    root.TryGetProperty("StatusCode", out var status) ? status.GetInt32() : null,
                    Text("@x"),
                    Text("ClientAddress"),
                    line));
            }
        }

        return lines;
    }

    /// <summary>Waits up to ten seconds for something the app writes a moment after the client has its answer.</summary>
    public static async Task WaitForAsync(Func<bool> condition)
    {
        for (var waited = 0; waited < 100 && !condition(); waited++)
        {
            await Task.Delay(100);
        }
    }
}
