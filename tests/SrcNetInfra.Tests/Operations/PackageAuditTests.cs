using System.Xml.Linq;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Operations;

/// <summary>
/// A user who has only the README must be able to restore every project from nuget.org: an advisory
/// in a dependency's dependency (Pulumi 3.112.1's OpenTelemetry exporter, GHSA-4625-4j76-fww9) must
/// not fail the restore under TreatWarningsAsErrors, while advisories in our own references do.
/// </summary>
public class PackageAuditTests
{
    private static XElement Props() => XElement.Load(Path.Combine(Repo.Root, "Directory.Build.props"));

    private static string? Property(string name) =>
        Props().Descendants(name).SingleOrDefault()?.Value.Trim();

    [Fact]
    public void Restore_audits_our_own_references_and_fails_on_their_advisories()
    {
        Assert.Equal("true", Property("NuGetAudit"));
        // NuGet's audit modes: 'direct' audits the project's own references, 'all' (the .NET 10
        // default) their dependencies too (learn.microsoft.com, NuGetAuditMode).
        Assert.Equal("direct", Property("NuGetAuditMode"));
        Assert.Equal("true", Property("TreatWarningsAsErrors"));
        Assert.DoesNotContain("NU190", Property("WarningsNotAsErrors") ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("NU190", Property("NoWarn") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void No_project_turns_the_audit_back_on_for_dependencies()
    {
        var projects = Directory.EnumerateFiles(Repo.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        Assert.All(projects, p => Assert.DoesNotContain("NuGetAuditMode", File.ReadAllText(p), StringComparison.Ordinal));
    }
}
