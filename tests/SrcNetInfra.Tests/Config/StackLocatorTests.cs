using SrcNetInfra.Core.Config;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Config;

public class StackLocatorTests
{
    private static TempDir Project()
    {
        var dir = new TempDir();
        dir.Write("Pulumi.yaml", "name: srcnet-infra\nruntime: dotnet\n");
        return dir;
    }

    [Fact]
    public void A_root_file_comes_before_stacks()
    {
        using var dir = Project();
        var root = dir.Write("Pulumi.dev.yaml", MinimalStack.Yaml);
        dir.Write("stacks/Pulumi.prod.yaml", MinimalStack.Yaml);
        var locator = new StackLocator(dir.Path);
        Assert.Equal(root, locator.Find("dev", out _));
        Assert.EndsWith(Path.Combine("stacks", "Pulumi.prod.yaml"), locator.Find("prod", out _));
    }

    [Fact]
    public void A_salt_only_file_that_pulumi_wrote_at_the_root_does_not_hide_the_stack()
    {
        // `pulumi stack init prod` with a passphrase backend writes Pulumi.prod.yaml beside Pulumi.yaml.
        using var dir = Project();
        dir.Write("Pulumi.prod.yaml", "encryptionsalt: v1:abcdef==\n");
        var real = dir.Write("stacks/Pulumi.prod.yaml", MinimalStack.Yaml);
        var locator = new StackLocator(dir.Path);
        Assert.Equal(real, locator.Find("prod", out _));
        Assert.Equal([real], locator.All());
    }

    [Fact]
    public void Two_files_that_both_configure_a_stack_are_ambiguous()
    {
        using var dir = Project();
        dir.Write("Pulumi.prod.yaml", MinimalStack.Yaml);
        dir.Write("stacks/Pulumi.prod.yaml", MinimalStack.Yaml);
        Assert.Null(new StackLocator(dir.Path).Find("prod", out var error));
        Assert.Contains("configure stack prod", error);
    }

    [Fact]
    public void An_unknown_stack_names_the_stacks_there_are()
    {
        using var dir = Project();
        dir.Write("Pulumi.dev.yaml", MinimalStack.Yaml);
        Assert.Null(new StackLocator(dir.Path).Find("stage", out var error));
        Assert.Contains("stacks here: dev", error);
    }
}
