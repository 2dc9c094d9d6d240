using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace JimPam.Wiki.Tests.Content;

/// <summary>
/// Generated inputs that are the same for every run of one commit and new for each commit: the inputs of a property
/// come from the commit the tests were built from (or <c>JIMPAM_GENERATED_SEED</c>, to replay another run), so a red
/// run can be run again and gives the same inputs, while each new commit explores new ones. The seeds that ever found
/// a fault are tried first, every run. A failure names the input's own seed, which replays it alone.
/// </summary>
public static class GeneratedRun
{
    /// <summary>What this run's inputs are made from: the commit, unless the environment names another seed.</summary>
    public static string RunSeed { get; } = Environment.GetEnvironmentVariable("JIMPAM_GENERATED_SEED") is { Length: > 0 } given
        ? given
        : typeof(GeneratedRun).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+') is [_, var commit, ..]
            ? commit
            : "no-commit";

    /// <summary>
    /// Tries <paramref name="check"/> on the inputs of each fixed seed, then on <paramref name="inputs"/> inputs made from
    /// the run's seed and <paramref name="property"/> (so two properties get different inputs). Stops at the first that fails.
    /// </summary>
    public static void Check<T>(Gen<T> gen, Action<T> check, int inputs, IEnumerable<string> fixedSeeds, ITestOutputHelper output, string property) =>
        CheckAsync(gen, input =>
        {
            check(input);
            return Task.CompletedTask;
        }, inputs, fixedSeeds, output, property).GetAwaiter().GetResult();

    /// <summary>
    /// As <see cref="Check{T}"/>, for a check that awaits (a request to the app). <paramref name="runSeed"/> fixes the
    /// run's seed for a property whose inputs should not change with each commit (one over HTTP, whose every input
    /// costs a request): the environment's seed still replaces it.
    /// </summary>
    public static async Task CheckAsync<T>(Gen<T> gen, Func<T, Task> check, int inputs, IEnumerable<string> fixedSeeds, ITestOutputHelper output, string property, string? runSeed = null)
    {
        var run = Environment.GetEnvironmentVariable("JIMPAM_GENERATED_SEED") is { Length: > 0 } given ? given : runSeed ?? RunSeed;
        output.WriteLine($"Generated inputs of {property}: {inputs} from run seed {run} (JIMPAM_GENERATED_SEED replays a run), after the fixed seeds.");
        foreach (var seed in fixedSeeds)
        {
            await TryAsync(gen, check, seed, "a fixed seed");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(run + "/" + property));
        var stream = BitConverter.ToUInt32(hash, 0);
        var start = BitConverter.ToUInt64(hash, 4);
        for (var i = 0; i < inputs; i++)
        {
            var seed = new PCG(stream, start + (ulong)i).ToString();
            await TryAsync(gen, check, seed, $"input {i + 1} of run seed {run}");
        }
    }

    private static async Task TryAsync<T>(Gen<T> gen, Func<T, Task> check, string seed, string which)
    {
        var input = gen.Generate(PCG.Parse(seed), null, out _);
        try
        {
            await check(input);
        }
        catch (Exception e)
        {
            var shown = input is string text ? Escaped(text) : input?.ToString() ?? "null";
            throw new XunitException($"Failed on {which}, seed {seed} (keep it as a fixed seed): {shown}{Environment.NewLine}{e}");
        }
    }

    /// <summary>A generated text as C# would write it, at most 2,000 characters, so control characters and lone surrogates show.</summary>
    private static string Escaped(string text)
    {
        var shown = new StringBuilder("\"");
        foreach (var c in text.Take(2000))
        {
            shown.Append(c is < ' ' or '"' or '\\' || char.IsSurrogate(c) || char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return shown.Append(text.Length > 2000 ? $"\"… ({text.Length} characters)" : "\"").ToString();
    }
}
