using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace JimPam.Wiki.Tests.Architecture;

/// <summary>
/// The app's folders are rooms whose doors open one way: Content uses nothing of ours; Data uses Content; Story,
/// Search, Import, Accounts and Media (the image intake) use Data and Content; Transfer (export) uses those and Import and Media;
/// Infrastructure (the web pipeline that pages and API share) uses
/// those; Pages, Api and Sitemap use what lies below them and never each other; Hosting wires everything. A type that
/// makes a loop fails here, with the dependency that does it.
/// </summary>
public sealed class FolderRuleTests
{
    private static readonly ArchUnitNET.Domain.Architecture App = new ArchLoader().LoadAssemblies(typeof(Program).Assembly).Build();

    /// <summary>Each folder, and the folders it may use (besides itself and the app's root namespace: its options and entry point).</summary>
    public static TheoryData<string, string[]> Rooms => new()
    {
        { "Content", [] },
        { "Data", ["Content"] },
        { "Story", ["Data", "Content"] },
        { "Search", ["Data", "Content"] },
        { "Import", ["Data", "Content"] },
        { "Accounts", ["Data", "Content"] },
        { "Media", ["Data", "Content"] },
        { "Transfer", ["Import", "Media", "Data", "Content"] },
        { "Infrastructure", ["Story", "Search", "Accounts", "Media", "Data", "Content"] },
        { "Pages", ["Infrastructure", "Story", "Search", "Accounts", "Media", "Data", "Content"] },
        { "Api", ["Infrastructure", "Story", "Search", "Media", "Data", "Content"] },
        { "Sitemap", ["Infrastructure", "Story", "Data", "Content"] },
    };

    private static readonly string[] Folders = ["Content", "Data", "Story", "Search", "Import", "Accounts", "Media", "Transfer", "Infrastructure", "Pages", "Api", "Sitemap", "Hosting"];

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

    private static string InFolder(string folder) => $"^JimPam\\.Wiki\\.{folder}(\\..*)?$";
}
