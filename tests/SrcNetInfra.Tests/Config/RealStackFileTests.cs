using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Tests.Config;

/// <summary>The repository's own stack files must validate: they are what users copy.</summary>
public class RealStackFileTests
{
    public static TheoryData<string> StackFiles => new() { "Pulumi.dev.yaml", "stacks/Pulumi.prod.yaml", "stacks/Pulumi.test.yaml" };

    private static CheckResult Check(string relativePath)
    {
        var path = Path.Combine(SrcNetInfra.Tests.Support.Repo.Root, relativePath);
        Assert.True(File.Exists(path), $"{path} is missing");
        return EnvironmentCheck.RunFile(path);
    }

    [Theory]
    [MemberData(nameof(StackFiles))]
    public void The_stack_file_validates_without_errors(string relativePath)
    {
        var result = Check(relativePath);
        Assert.True(result.Ok, relativePath + ":\n" + string.Join("\n", result.Problems));
        Assert.Empty(result.Errors);
    }

    [Theory]
    [MemberData(nameof(StackFiles))]
    public void The_stack_name_comes_from_the_file(string relativePath)
    {
        var result = Check(relativePath);
        Assert.True(result.Ok);
        var expected = Path.GetFileName(relativePath)["Pulumi.".Length..^".yaml".Length];
        Assert.Equal(expected, result.Environment!.Spec.Stack);
    }

    [Fact]
    public void Prod_is_the_seeds_hourly_cronjob_with_protected_data()
    {
        var result = Check("stacks/Pulumi.prod.yaml");
        Assert.True(result.Ok);
        var spec = result.Environment!.Spec;
        Assert.Equal(WorkflowMode.CronJob, spec.Workflow.Mode);
        Assert.Equal("0 * * * *", spec.Workflow.Schedule);
        Assert.True(spec.Deploy.ProtectData);
        Assert.Equal(ScratchMode.Ephemeral, spec.Scratch.Mode); // shared scratch would pile up under a CronJob
    }

    [Fact]
    public void The_test_template_tears_down_completely()
    {
        var result = Check("stacks/Pulumi.test.yaml");
        Assert.True(result.Ok);
        Assert.False(result.Environment!.Spec.Deploy.ProtectData);
    }
}
