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
        foreach (var credential in new[] { "PULUMI_ACCESS_TOKEN", "PULUMI_CONFIG_PASSPHRASE", "KUBECONFIG_B64", "E2E_OIDC_CLIENT_ID", "E2E_OIDC_CLIENT_SECRET" })
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

    [Fact]
    public void The_e2e_workflow_runs_by_hand_or_on_the_e2e_label_on_a_pinned_kind_cluster_and_always_destroys()
    {
        var root = Load("e2e.yml");
        var on = (YamlMappingNode)root.Children[new YamlScalarNode("on")];
        Assert.True(on.Children.ContainsKey(new YamlScalarNode("workflow_dispatch")));
        var types = (YamlSequenceNode)((YamlMappingNode)on.Children[new YamlScalarNode("pull_request")]).Children[new YamlScalarNode("types")];
        Assert.Equal(["labeled"], types.Select(t => ((YamlScalarNode)t).Value));
        var job = (YamlMappingNode)((YamlMappingNode)root.Children[new YamlScalarNode("jobs")]).Children[new YamlScalarNode("e2e")];
        Assert.Contains("github.event.label.name == 'e2e'", ((YamlScalarNode)job.Children[new YamlScalarNode("if")]).Value);

        // Every action and chart at a fixed version: a new release never changes what the test runs.
        var kind = Assert.Single(Uses("e2e.yml", "helm/kind-action@"));
        Assert.Matches(@"@v\d+\.\d+\.\d+$", ((YamlScalarNode)kind.Children[new YamlScalarNode("uses")]).Value);
        var runs = string.Join("\n", RunBlocks("e2e.yml"));
        foreach (Match install in Regex.Matches(runs, @"helm install (?:\\\n|[^\n])*"))
            Assert.Matches(@"--version \d+\.\d+\.\d+", install.Value);
        Assert.Equal(2, Regex.Matches(runs, "helm install ").Count);

        // The stack comes from the template; srcnet checks it and the adoption before pulumi up, then verify follows the run.
        Assert.Contains("stacks/Pulumi.test.yaml", runs);
        Assert.Contains("srcnet validate --stack \"$STACK\"", runs);
        Assert.Contains("srcnet adopt --stack \"$STACK\"", runs);
        Assert.Contains("pulumi login --local", runs);
        Assert.Contains("srcnet verify --stack \"$STACK\"", runs);

        // Destroyed whatever happened before.
        var steps = (YamlSequenceNode)job.Children[new YamlScalarNode("steps")];
        var destroy = steps.Cast<YamlMappingNode>().Single(s => s.Children.TryGetValue(new YamlScalarNode("run"), out var r) && ((YamlScalarNode)r).Value!.Contains("pulumi destroy", StringComparison.Ordinal));
        Assert.Equal("always()", ((YamlScalarNode)destroy.Children[new YamlScalarNode("if")]).Value);
        Assert.Contains("--remove", ((YamlScalarNode)destroy.Children[new YamlScalarNode("run")]).Value);
    }

    /// <summary>
    /// The e2e stack is the template merged with the workflow's overrides (yq's <c>*</c>: maps merge key by
    /// key, anything else is replaced); it must be a stack srcnet accepts in both secret modes, or the
    /// workflow would stop at its validate step.
    /// </summary>
    [Theory]
    [InlineData("existingSecret")]
    [InlineData("externalSecret")]
    public void The_e2e_stack_is_valid_in_both_secret_modes(string mode)
    {
        var runs = string.Join("\n", RunBlocks("e2e.yml"));
        var overrides = Regex.Match(runs, @"cat > ""\$RUNNER_TEMP/e2e-overrides.yaml"" <<EOF\n(?<yaml>.*?)\nEOF\n", RegexOptions.Singleline).Groups["yaml"].Value;
        Assert.Contains("$SECRET_MODE", overrides);
        var merged = Yaml(File.ReadAllText(Path.Combine(Repo.Root, "stacks", "Pulumi.test.yaml")));
        Merge(merged, Yaml(overrides.Replace("$SECRET_MODE", mode, StringComparison.Ordinal)));
        if (mode == "externalSecret") Merge(merged, Yaml("config:\n  srcnet:secret:\n    vault:\n      apiVersion: external-secrets.io/v1\n"));
        using var dir = new TempDir();
        var stream = new YamlStream(new YamlDocument(merged));
        var text = new StringWriter();
        stream.Save(text, assignAnchors: false);
        var file = dir.Write("Pulumi.e2e.yaml", text.ToString());

        var run = CliRun.In(dir.Path, "validate", "--config-file", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        var summary = CliRun.In(dir.Path, "summary", "--config-file", file);
        Assert.Contains("namespace: srcnet-e2e", summary.Out);
        Assert.Contains("products: dirty", summary.Out);
    }

    private static YamlMappingNode Yaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static void Merge(YamlMappingNode into, YamlMappingNode from)
    {
        foreach (var (key, value) in from.Children)
        {
            if (value is YamlMappingNode map && into.Children.TryGetValue(key, out var existing) && existing is YamlMappingNode target) Merge(target, map);
            else into.Children[key] = value;
        }
    }

    /// <summary>Splits a shell command line into words, with "$VARIABLES" replaced by plausible values.</summary>
    private static string[] ShellWords(string command)
    {
        // A redirection ends the command's own words (`srcnet verify ... --json > out.json`).
        command = Regex.Replace(command, @"\s+\d?>.*$", "");
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
