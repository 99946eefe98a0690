using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Docs;

/// <summary>
/// Code and documents cite the facts they rely on as <c>docs/NAME.md#ANCHOR</c>. A reader must be
/// able to open every cited document and find the cited section; and nothing may point at notes
/// that are not in the repository.
/// </summary>
public class CitationTests
{
    private static readonly Citations Repository = new(Repo.Root);

    [Fact]
    public void Every_cited_document_and_section_exists()
    {
        var broken = Repository.TextFiles().SelectMany(f => Repository.Broken(f, Repository.Read(f))).ToList();
        Assert.True(broken.Count == 0, "citations that lead nowhere:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void No_file_points_to_notes_outside_the_repository()
    {
        var mentions = Repository.TextFiles().SelectMany(f => Citations.OutsideNotes(f, Repository.Read(f))).ToList();
        Assert.True(mentions.Count == 0, "mentions of notes readers do not have (cite docs/ instead):\n" + string.Join("\n", mentions));
    }

    [Fact]
    public void The_scan_covers_code_comments_and_the_readme()
    {
        var files = Repository.TextFiles().ToList();
        Assert.Contains("README.md", files);
        Assert.Contains("docs/workflow.md", files);
        Assert.Contains("infra/SrcNetInfra.Core/Estimation/FitsSize.cs", files);
        Assert.DoesNotContain(files, f => f.Split('/').Any(part => part is "bin" or "obj" or ".git"));
        Assert.DoesNotContain(files, f => f.StartsWith(Citations.OwnDirectory, StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_document_or_heading_is_reported_with_its_place()
    {
        using var dir = new TempDir();
        dir.Write("docs/sizes.md", "# Sizes\n\n## FITS images\n\ntext\n");
        var citations = new Citations(dir.Path);

        var problems = citations.Broken("infra/Code.cs",
            "// fine: docs/sizes.md#fits-images and docs/sizes.md\n" +
            "// docs/sizes.md#fits-image (typo)\n" +
            "// docs/facts.md#anything\n");

        Assert.Equal(
            [
                "infra/Code.cs:2: docs/sizes.md#fits-image: no heading with anchor #fits-image in docs/sizes.md",
                "infra/Code.cs:3: docs/facts.md#anything: no such file",
            ],
            problems);
    }

    [Fact]
    public void Markdown_links_resolve_from_the_linking_file()
    {
        using var dir = new TempDir();
        dir.Write("docs/sizes.md", "# Sizes\n\n## Memory\n");
        dir.Write("docs/verify.md", "# Verify\n");
        var readme = dir.Write("README.md", "# Readme\nSee [sizes](docs/sizes.md#memory), [verify](docs/verify.md), [web](https://example.org/x.md#y) and [top](#readme).\n");
        var citations = new Citations(dir.Path);

        Assert.Empty(citations.Broken("README.md", File.ReadAllText(readme)));
        Assert.Empty(citations.Broken("docs/verify.md", "# Verify\n[memory](sizes.md#memory), [self](#verify)\n"));
        Assert.Equal(
            [
                "docs/verify.md:1: docs/sizes.md#memory: no such file",
                "docs/verify.md:1: #nowhere: no heading with anchor #nowhere in docs/verify.md",
                "docs/verify.md:1: ../../outside.md: points outside the repository",
            ],
            citations.Broken("docs/verify.md", "[wrong base](docs/sizes.md#memory) [x](#nowhere) [y](../../outside.md)\n"));
    }

    [Fact]
    public void Mentions_of_outside_notes_are_reported()
    {
        Assert.Equal(
            ["a.cs:1: FACTS.md", "a.cs:2: DESIGN.md", "a.cs:3: ../shared"],
            Citations.OutsideNotes("a.cs", "// see FACTS.md\n// (DESIGN.md, \"Limits\")\n// and ../shared/seed/x.md\n// docs/design.md is a document of ours\n"));
    }

    [Theory]
    [InlineData("Deploy with Pulumi", "deploy-with-pulumi")]
    [InlineData("The `srcnet` command", "the-srcnet-command")]
    [InlineData("`srcnet:workflow`", "srcnetworkflow")]
    [InlineData("The .meta file", "the-meta-file")]
    [InlineData("Karabo's working directories", "karabos-working-directories")]
    [InlineData("START_DATE_AND_TIME formats", "start_date_and_time-formats")]
    [InlineData(".NET 10 and NuGet", "net-10-and-nuget")]
    [InlineData("Waiting with pulumi.com/waitFor", "waiting-with-pulumicomwaitfor")]
    [InlineData("See [the docs](docs/x.md) here", "see-the-docs-here")]
    public void Anchors_are_githubs_slugs(string heading, string anchor) =>
        Assert.Equal(anchor, Citations.Slug(heading));

    [Fact]
    public void Repeated_headings_get_numbered_anchors_and_code_blocks_have_none()
    {
        var anchors = Citations.Anchors("# Notes\n## Example\n```\n# not a heading\n```\n## Example\n### Example ###\n");
        Assert.Equal(["example", "example-1", "example-2", "notes"], anchors.Order(StringComparer.Ordinal));
    }
}
