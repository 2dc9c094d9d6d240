using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace JimPam.Wiki.Tests.Architecture;

/// <summary>
/// The app's folders are rooms whose doors open one way: Content uses nothing of ours; Data (the stored model and
/// each engine's code) uses Content; Entries (the one writer and what follows its writes) uses Data; Caching (the page
/// cache's tags and eviction, a handler of the writer) uses Entries; Story (placement and the read models) uses
/// Caching; Search uses Story; Import, Accounts and Media use what they need of Entries and Data; Transfer uses Import
/// and Media; Infrastructure (the web pipeline that pages and API share) uses
/// those; Pages, Api and Sitemap use what lies below them and never each other; Hosting wires everything and nothing
/// uses it. A type that makes a loop fails here, with the dependency that does it: in the compiled code, and in the
/// source too (using lines and qualified names outside comments), which sees what compiling hides (a constant of
/// another folder is copied into the code that reads it). The table itself has no loop.
/// </summary>
public sealed class FolderRuleTests
{
    /// <summary>The web project and the stored model's project (the Data folder's entities and contexts live there).</summary>
    private static readonly ArchUnitNET.Domain.Architecture App = new ArchLoader().LoadAssemblies(typeof(Program).Assembly, typeof(JimPam.Wiki.Data.WikiDbContext).Assembly).Build();

    /// <summary>Each folder, and the folders it may use (besides itself and the app's root namespace: its options and entry point).</summary>
    public static TheoryData<string, string[]> Rooms => new()
    {
        { "Content", [] },
        { "Data", ["Content"] },
        { "Entries", ["Data", "Content"] },
        { "Caching", ["Entries", "Data", "Content"] },
        { "Story", ["Caching", "Entries", "Data", "Content"] },
        { "Search", ["Story", "Entries", "Data", "Content"] },
        { "Import", ["Entries", "Data", "Content"] },
        { "Accounts", ["Data", "Content"] },
        { "Media", ["Entries", "Data", "Content"] },
        { "Transfer", ["Import", "Media", "Entries", "Data", "Content"] },
        { "Infrastructure", ["Caching", "Story", "Search", "Accounts", "Media", "Entries", "Data", "Content"] },
        { "Pages", ["Infrastructure", "Caching", "Story", "Search", "Accounts", "Media", "Entries", "Data", "Content"] },
        { "Api", ["Infrastructure", "Caching", "Story", "Search", "Media", "Data", "Content"] },
        { "Sitemap", ["Infrastructure", "Caching", "Story", "Data", "Content"] },
        { "Hosting", ["Pages", "Api", "Sitemap", "Infrastructure", "Transfer", "Caching", "Story", "Search", "Import", "Accounts", "Media", "Entries", "Data", "Content"] },
    };

    private static readonly string[] Folders = ["Content", "Data", "Entries", "Caching", "Story", "Search", "Import", "Accounts", "Media", "Transfer", "Infrastructure", "Pages", "Api", "Sitemap", "Hosting"];

    [Theory]
    [MemberData(nameof(Rooms))]
    public void Should_use_only_the_folders_below(string folder, string[] below)
    {
        var forbidden = Folders.Except([folder, .. below]).ToList();
        IObjectProvider<IType> room = folder == "Pages"
            ? Types().That().ResideInNamespaceMatching(InFolder(folder)).Or().ResideInNamespace("AspNetCoreGeneratedDocument").As(folder)
            : Types().That().ResideInNamespaceMatching(InFolder(folder)).As(folder);
        IObjectProvider<IType> others = Types().That().ResideInNamespaceMatching($"^JimPam\\.Wiki\\.({string.Join('|', forbidden)})(\\..*)?$")
            .Or().ResideInNamespace(folder == "Pages" ? "JimPam.Wiki.Nowhere" : "AspNetCoreGeneratedDocument")
            .As(string.Join(", ", forbidden));

        Types().That().Are(room).Should().NotDependOnAny(others).Check(App);
    }

    [Fact]
    public void Should_keep_every_type_in_a_folder_of_the_rules()
    {
        var known = Folders.Select(f => $"JimPam.Wiki.{f}").ToList();
        var loose = App.Types
            .Where(t => t.Namespace.FullName.StartsWith("JimPam.Wiki", StringComparison.Ordinal) && t.Namespace.FullName != "JimPam.Wiki")
            .Where(t => !known.Any(k => t.Namespace.FullName == k || t.Namespace.FullName.StartsWith(k + ".", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(loose);
    }

    [Theory]
    [MemberData(nameof(Rooms))]
    public void Should_name_only_the_folders_below_in_its_source(string folder, string[] below)
    {
        var forbidden = Folders.Except([folder, .. below]).ToList();
        Assert.True(forbidden.Count > 0 || folder == "Hosting", $"{folder} may use every folder");
        var named = forbidden.Count == 0 ? new System.Text.RegularExpressions.Regex("(?!)") : new System.Text.RegularExpressions.Regex($@"\bJimPam\.Wiki\.({string.Join('|', forbidden)})\b");
        var src = Path.Combine(TestPaths.RepositoryRoot(), "src");
        string[] roots = folder == "Data" ? [Path.Combine(src, "JimPam.Wiki", folder), Path.Combine(src, "JimPam.Wiki.Schema")] : [Path.Combine(src, "JimPam.Wiki", folder)];
        var hits = roots.SelectMany(root => Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories).Select(f => (Root: root, Path: f)))
            .Where(f => (f.Path.EndsWith(".cs", StringComparison.Ordinal) || f.Path.EndsWith(".cshtml", StringComparison.Ordinal))
                        && !f.Path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f.Path).Select((line, i) => (File: Path.GetRelativePath(f.Root, f.Path), Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal) && !l.Text.TrimStart().StartsWith("@*", StringComparison.Ordinal) && named.IsMatch(l.Text))
            .Select(l => $"{folder}/{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(hits.Count == 0, "Names a folder it may not use:\n" + string.Join("\n", hits));
    }

    [Fact]
    public void Should_have_rules_without_a_loop()
    {
        var rules = Rooms.ToDictionary(r => (string)r[0], r => (string[])r[1]);
        var placed = new List<string>();
        while (placed.Count < rules.Count)
        {
            // A folder whose allowed folders are all placed comes next; none left means the rules loop.
            var next = rules.Keys.Except(placed).FirstOrDefault(f => rules[f].All(b => placed.Contains(b) || !rules.ContainsKey(b)));
            Assert.True(next is not null, "The folder rules loop among: " + string.Join(", ", rules.Keys.Except(placed)));
            placed.Add(next);
        }

        Assert.Equal(Folders.Order(), rules.Keys.Union(["Content"]).Order());
    }

    private static string InFolder(string folder) => $"^JimPam\\.Wiki\\.{folder}(\\..*)?$";
}
