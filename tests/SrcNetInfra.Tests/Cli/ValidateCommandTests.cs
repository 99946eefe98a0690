using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Cli;

public class ValidateCommandTests
{
    [Fact]
    public void All_stacks_of_the_project_are_valid()
    {
        var run = CliRun.AtRoot("validate", "--all");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["Pulumi.dev.yaml: valid", "stacks/Pulumi.campaign.yaml: valid", "stacks/Pulumi.prod.yaml: valid", "stacks/Pulumi.test.yaml: valid"],
            run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Without_flags_it_validates_all_stacks()
    {
        Assert.Equal(CliRun.AtRoot("validate", "--all").Out, CliRun.AtRoot("validate").Out);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_file_and_key()
    {
        using var dir = new TempDir();
        var file = dir.Write("Pulumi.broken.yaml", """
            config:
              srcnet:namespace:
                name: Not_A_Name
              srcnet:quota:
                pods: 0
              srcnet:workflow:
                mode: cron
                simulaton: {}
            """);
        var run = CliRun.In(dir.Path, "validate", "--config-file", file);
        Assert.Equal(2, run.ExitCode);
        var errors = run.ErrorLines.Where(l => l.Contains(": error: ")).ToList();
        Assert.Contains(errors, l => l.StartsWith("Pulumi.broken.yaml: error: srcnet:namespace.name:", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.StartsWith("Pulumi.broken.yaml: error: srcnet:quota.pods: must be at least 1", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.StartsWith("Pulumi.broken.yaml: error: srcnet:workflow.mode: must be one of job, cronjob, campaign", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.Contains("srcnet:workflow.simulaton: unknown key (did you mean 'simulation'?)"));
        Assert.Contains(errors, l => l.Contains("srcnet:workflow.image.tag: is required"));
        Assert.Equal("Pulumi.broken.yaml: invalid, 8 errors", run.Out.Trim());
        Assert.Equal(8, errors.Count);
    }

    [Fact]
    public void Warnings_are_shown_but_do_not_fail()
    {
        using var dir = new TempDir();
        var file = dir.Write("Pulumi.warn.yaml", MinimalStack.Yaml.Replace("tag: 0.34.0", "tag: latest", StringComparison.Ordinal));
        var run = CliRun.In(dir.Path, "validate", "--config-file", file);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Pulumi.warn.yaml: warning: srcnet:workflow.image.tag: 'latest' changes under a running stack", run.Error);
        Assert.Equal("Pulumi.warn.yaml: valid, 1 warning", run.Out.Trim());
    }

    [Fact]
    public void All_in_a_directory_reports_each_stack_and_fails_if_any_does()
    {
        using var dir = new TempDir();
        dir.Write("Pulumi.yaml", "name: x\nruntime: dotnet\n");
        dir.Write("Pulumi.good.yaml", MinimalStack.Yaml);
        dir.Write("stacks/Pulumi.bad.yaml", "config:\n  srcnet:nope: 1\n");
        var run = CliRun.In(dir.Path, "validate", "--all");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Pulumi.good.yaml: valid", run.Out);
        Assert.Contains("stacks/Pulumi.bad.yaml: invalid", run.Out);
        Assert.Contains("stacks/Pulumi.bad.yaml: error: srcnet:nope: unknown key", run.Error);
    }

    [Fact]
    public void No_stack_files_is_a_usage_error()
    {
        using var dir = new TempDir();
        var run = CliRun.In(dir.Path, "validate");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no stack files", run.Error);
    }

    [Fact]
    public void All_with_a_single_stack_is_a_usage_error()
    {
        var run = CliRun.AtRoot("validate", "--all", "--stack", "dev");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--all", run.Error);
    }

    [Fact]
    public void Invalid_yaml_names_the_line()
    {
        using var dir = new TempDir();
        var file = dir.Write("Pulumi.y.yaml", "config:\n  srcnet:workflow:\n    mode: [job\n");
        var run = CliRun.In(dir.Path, "validate", "--config-file", file);
        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"Pulumi\.y\.yaml: error: .*is not valid YAML \(line \d+", run.Error);
    }
}
