using System.Text.RegularExpressions;
using SrcNetInfra.Cli;
using SrcNetInfra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace SrcNetInfra.Tests.Operations;

/// <summary>
/// The GitHub workflows cannot run here (no GitHub, no cluster, no Pulumi), so these tests check
/// what can be checked offline: they are valid workflows, every srcnet command in them is one the
/// CLI accepts, they run the README's test command, and credentials only come from secrets.
/// </summary>
public partial class WorkflowTests
{
    private static readonly string Directory = Path.Combine(Repo.Root, ".github", "workflows");

    public static TheoryData<string> Workflows => [.. System.IO.Directory.GetFiles(Directory, "*.yml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    private static YamlMappingNode Load(string name)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Directory, name))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IEnumerable<string> RunBlocks(string name) =>
        Load(name).AllNodes.OfType<YamlMappingNode>()
            .Where(m => m.Children.ContainsKey(new YamlScalarNode("run")))
            .Select(m => ((YamlScalarNode)m.Children[new YamlScalarNode("run")]).Value!);

    private static IEnumerable<YamlMappingNode> Uses(string name, string action) =>
        Load(name).AllNodes.OfType<YamlMappingNode>()
            .Where(m => m.Children.TryGetValue(new YamlScalarNode("uses"), out var u) && ((YamlScalarNode)u).Value!.StartsWith(action, StringComparison.Ordinal));

    private static string With(YamlMappingNode step, string key) =>
        ((YamlScalarNode)((YamlMappingNode)step.Children[new YamlScalarNode("with")]).Children[new YamlScalarNode(key)]).Value!;

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Each_workflow_has_triggers_and_jobs_with_steps(string name)
    {
        var root = Load(name);
        Assert.True(root.Children.ContainsKey(new YamlScalarNode("on")), $"{name} has no trigger");
        var jobs = (YamlMappingNode)root.Children[new YamlScalarNode("jobs")];
        Assert.NotEmpty(jobs.Children);
        foreach (var (_, job) in jobs.Children)
        {
            Assert.NotEmpty((YamlSequenceNode)((YamlMappingNode)job).Children[new YamlScalarNode("steps")]);
        }
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_job_has_a_timeout(string name)
    {
        // Without one a hung step holds a runner for GitHub's default of 6 hours; pull requests from
        // forks run the check job too, so a stranger's input must not be able to do that.
        var jobs = (YamlMappingNode)Load(name).Children[new YamlScalarNode("jobs")];
        foreach (var (id, job) in jobs.Children)
        {
            Assert.True(((YamlMappingNode)job).Children.TryGetValue(new YamlScalarNode("timeout-minutes"), out var timeout), $"{name}: job {id} has no timeout-minutes");
            Assert.InRange(int.Parse(((YamlScalarNode)timeout).Value!, System.Globalization.CultureInfo.InvariantCulture), 1, 120);
        }
    }

    [GeneratedRegex(@"(?:^|[;&|]\s*|\s)srcnet\s+(?<args>[^\n;|]*?)\s*(?:$|\|\||;|\|)", RegexOptions.Multiline)]
    private static partial Regex SrcnetCommand();

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_srcnet_command_in_a_workflow_is_one_the_cli_accepts(string name)
    {
        var commands = RunBlocks(name).SelectMany(r => SrcnetCommand().Matches(r)).Select(m => m.Groups["args"].Value).ToList();
        foreach (var command in commands)
        {
            var args = ShellWords(command);
            var parse = SrcNet.BuildCommand(new CliContext(TextWriter.Null, TextWriter.Null, Repo.Root)).Parse(args);
            Assert.True(parse.Errors.Count == 0, $"{name}: `srcnet {command}`: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
        }
    }

    [Fact]
    public void The_pull_request_workflow_tests_validates_summarises_and_previews()
    {
        var runs = string.Join("\n", RunBlocks("pull-request.yml"));
        Assert.Contains("dotnet test tests/SrcNetInfra.Tests", runs); // the README's test command
        Assert.Contains("srcnet validate --all", runs);
        Assert.Contains("srcnet summary --config-file \"$file\" --markdown --base-render", runs);
        Assert.Contains("render --config-file \"$file\" --out", runs);
        var preview = Assert.Single(Uses("pull-request.yml", "pulumi/actions@"));
        Assert.Equal("preview", With(preview, "command"));
        Assert.Equal("true", With(preview, "comment-on-pr"));
        Assert.EndsWith("dev", With(preview, "stack-name"), StringComparison.Ordinal);
    }

    [Fact]
    public void Merges_to_main_deploy_dev()
    {
        var root = Load("deploy.yml");
        var on = (YamlMappingNode)root.Children[new YamlScalarNode("on")];
        var branches = (YamlSequenceNode)((YamlMappingNode)on.Children[new YamlScalarNode("push")]).Children[new YamlScalarNode("branches")];
        Assert.Equal("main", ((YamlScalarNode)branches.Single()).Value);
        var up = Assert.Single(Uses("deploy.yml", "pulumi/actions@"));
        Assert.Equal("up", With(up, "command"));
        Assert.EndsWith("dev", With(up, "stack-name"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_labelled_pull_request_gets_a_test_stack_that_is_verified_and_removed()
    {
        var runs = string.Join("\n", RunBlocks("test-stack.yml"));
        Assert.Contains("stacks/Pulumi.test.yaml", runs);
        Assert.Contains("srcnet verify --stack \"$STACK\"", runs);
        var up = Assert.Single(Uses("test-stack.yml", "pulumi/actions@"), a => a.Children.ContainsKey(new YamlScalarNode("with")));
        Assert.Equal("up", With(up, "command"));
        // Destroyed with the CLI, so a stack that was never made is not an error.
        Assert.Contains("pulumi destroy --yes --remove", runs);
        Assert.Contains("pulumi stack select", runs);
        var on = (YamlMappingNode)Load("test-stack.yml").Children[new YamlScalarNode("on")];
        var types = ((YamlSequenceNode)((YamlMappingNode)on.Children[new YamlScalarNode("pull_request")]).Children[new YamlScalarNode("types")])
            .Select(t => ((YamlScalarNode)t).Value).ToList();
        Assert.Equal(["opened", "reopened", "labeled", "synchronize", "unlabeled", "closed"], types);
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Credentials_come_from_repository_secrets_only(string name)
    {
        var text = File.ReadAllText(Path.Combine(Directory, name));
        var uses = 0;
        foreach (var credential in new[] { "PULUMI_ACCESS_TOKEN", "PULUMI_CONFIG_PASSPHRASE", "KUBECONFIG_B64" })
        {
            foreach (Match m in Regex.Matches(text, $@"^\s*{credential}:\s*(?<value>.+)$", RegexOptions.Multiline))
            {
                Assert.Equal($"${{{{ secrets.{credential} }}}}", m.Groups["value"].Value.Trim());
                uses++;
            }
        }
        // Every workflow reaches the cluster or Pulumi: a test that found no credential checked nothing.
        Assert.True(uses > 0, $"{name} sets no credential from a secret");
        Assert.DoesNotContain("kubeconfig:", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Srcnet_is_installed_only_from_the_package_built_in_the_job()
    {
        var action = File.ReadAllText(Path.Combine(Repo.Root, ".github", "actions", "setup-srcnet", "action.yml"));
        Assert.Contains("<clear />", action);
        Assert.Contains("--configfile", action);
        Assert.Contains("--version \"$version\"", action);
        Assert.DoesNotContain("--add-source", action);
    }

    /// <summary>Splits a shell command line into words, with "$VARIABLES" replaced by plausible values.</summary>
    private static string[] ShellWords(string command)
    {
        var substituted = Regex.Replace(command, @"\$\{?(\w+)\}?", m => m.Groups[1].Value switch
        {
            "file" => "Pulumi.dev.yaml",
            "STACK" or "stack" => "dev",
            _ => "/tmp/x",
        });
        return [.. Regex.Matches(substituted, "\"([^\"]*)\"|'([^']*)'|(\\S+)")
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value)];
    }
}
