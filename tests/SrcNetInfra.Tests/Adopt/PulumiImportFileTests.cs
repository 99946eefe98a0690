using System.Text.RegularExpressions;
using SrcNetInfra.Core.Adoption;
using SrcNetInfra.Core.Plan;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Adopt;

public partial class PulumiImportFileTests
{
    [GeneratedRegex(@"^name:\s*(?<name>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ProjectName();

    /// <summary>A URN is urn:pulumi:STACK::PROJECT::TYPE::NAME: the project must be the one in Pulumi.yaml, or the import names nothing.</summary>
    [Fact]
    public void The_provider_urn_names_the_project_of_Pulumi_yaml_and_the_programs_provider()
    {
        var project = ProjectName().Match(File.ReadAllText(Path.Combine(Repo.Root, "Pulumi.yaml"))).Groups["name"].Value;
        var file = new PulumiImportFile("pr-42", "srcnet-pr-42", "ingestor");

        Assert.Equal(PulumiImportFile.ProjectName, project);
        Assert.Equal($"urn:pulumi:pr-42::{project}::pulumi:providers:kubernetes::kubernetes", file.ProviderUrn);
        Assert.Contains($"\"{Planner.ProviderResource}\": \"{file.ProviderUrn}\"", file.ToJson());
        Assert.Contains("\"id\": \"srcnet-pr-42/ingestor\"", file.ToJson());
    }

    /// <summary>The import names the release as the program declares it: the plan's release step, by type and name.</summary>
    [Fact]
    public void The_imported_name_is_the_plans_release_step()
    {
        var plan = Planner.Plan(Verify.Cluster.Prod);
        var release = Assert.Single(plan.Steps.OfType<ReleaseStep>());
        Assert.Equal(Planner.IngestorResource, release.ResourceName);
        Assert.Contains($"\"name\": \"{release.ResourceName}\"", new PulumiImportFile("prod", "datalake-ingestion", "ingestor").ToJson());
    }
}
