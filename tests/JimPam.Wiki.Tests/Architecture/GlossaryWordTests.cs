using System.Reflection;
using System.Text.RegularExpressions;

namespace JimPam.Wiki.Tests.Architecture;

/// <summary>
/// The code says the glossary's words: a relationship was once a "couple" and an event a "part" of the story, and no
/// type, property, field or method of the app or its stored model may still be named so. (Text for readers may say
/// couple; retired query keys, search keys and export folders are kept as aliases, as strings.)
/// </summary>
public sealed partial class GlossaryWordTests
{
    [GeneratedRegex(@"(^|[a-z0-9_<])(Couples?|Parts?)($|[A-Z0-9_>`])")]
    private static partial Regex RetiredWord();

    [Fact]
    public void No_identifier_of_the_app_names_a_retired_word()
    {
        Assembly[] assemblies = [typeof(Program).Assembly, typeof(JimPam.Wiki.Data.WikiDbContext).Assembly];
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var types = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.Namespace?.StartsWith("JimPam.Wiki", StringComparison.Ordinal) == true && !t.Name.Contains('<', StringComparison.Ordinal))
            .ToList();
        var names = types.Select(t => t.FullName!)
            .Concat(types.SelectMany(t => t.GetMembers(Declared)
                .Where(m => m is PropertyInfo or FieldInfo or MethodInfo && !m.Name.Contains('<', StringComparison.Ordinal))
                .Select(m => $"{t.FullName}.{m.Name}")))
            .ToList();

        Assert.True(names.Count > 1000, $"only {names.Count} names read");
        var retired = names.Where(n => RetiredWord().IsMatch(n.Split('.')[^1]) || RetiredWord().IsMatch(n.Split('+')[^1].Split('.')[0])).Distinct().ToList();
        Assert.True(retired.Count == 0, "Named with a retired word:\n" + string.Join("\n", retired));
    }

    [Theory]
    [InlineData("SeasonRead+Part", true)]
    [InlineData("Parts", true)]
    [InlineData("CoupleSlug", true)]
    [InlineData("Couples", true)]
    [InlineData("Parse", false)]
    [InlineData("Participant", false)]
    [InlineData("PathSegments", false)]
    public void The_rule_sees_a_retired_word_as_a_word_of_an_identifier(string name, bool retired) =>
        Assert.Equal(retired, RetiredWord().IsMatch(name.Split('+')[^1]));
}
