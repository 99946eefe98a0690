using System.Text.Json.Nodes;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Validation;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Config;

/// <summary>
/// Minimal stack config for validation tests: <see cref="Valid"/> states only the keys that have no
/// default (the site's RSE, Rucio account, storage class and the workflow's image tag). A test breaks
/// exactly one thing by overriding one key with a YAML value, which goes through the same YAML reader
/// (<see cref="StackFile"/>) as a real stack file, so scalar typing is the real one.
/// </summary>
internal static class Stacks
{
    public const string FileName = "Pulumi.test.yaml";

    public const string Valid = MinimalStack.Yaml;

    /// <summary>A stack as small as the estimator allows, for tests that must not depend on the default sizes.</summary>
    public static readonly (string Key, string? Yaml)[] Tiny =
    [
        ("srcnet:workflow.simulation.numTimeStamps", "1"),
        ("srcnet:workflow.simulation.imagingNpixel", "16"),
        ("srcnet:workflow.products", "[dirty]"),
    ];

    /// <summary>The <c>srcnet:</c> values of a YAML stack file; fails the test when the reader reports any problem.</summary>
    public static Dictionary<string, JsonNode?> Parse(string yaml) => StackValues.Parse(yaml, FileName);

    /// <summary>One YAML value (a scalar, or a flow list or map such as <c>[dirty]</c>) as the reader converts it.</summary>
    public static JsonNode? Value(string yaml) => StackValues.Value(yaml);

    /// <summary>
    /// <see cref="Valid"/> with each full key (e.g. <c>srcnet:workflow.simulation.freqIncHz</c>) set to a
    /// YAML value, or removed when the value is null. Dots separate levels; lists are set whole.
    /// </summary>
    public static Dictionary<string, JsonNode?> With(params (string Key, string? Yaml)[] overrides)
    {
        var values = Parse(Valid);
        foreach (var (key, yaml) in overrides) StackValues.Set(values, key, yaml);
        return values;
    }

    public static CheckResult Check(params (string Key, string? Yaml)[] overrides) =>
        EnvironmentCheck.Run("test", With(overrides));

    /// <summary>A one-key override; the common case.</summary>
    public static CheckResult Check(string key, string? yaml) => Check((key, yaml));

    /// <summary>Checks a whole stack file's text the way <c>srcnet validate</c> does (reading a real file).</summary>
    public static CheckResult CheckText(string yaml)
    {
        var dir = Directory.CreateTempSubdirectory("srcnet-config-tests-");
        try
        {
            var path = System.IO.Path.Combine(dir.FullName, FileName);
            File.WriteAllText(path, yaml);
            return EnvironmentCheck.RunFile(path);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

/// <summary>Assertions on a check's problems: exact key, and a fragment of the message that says what is allowed.</summary>
internal static class Expect
{
    /// <summary>
    /// The check failed, every error is at <paramref name="key"/> (nothing else broke), and one of them
    /// says <paramref name="fragment"/>. Returns that error.
    /// </summary>
    public static Problem Error(CheckResult result, string key, string fragment)
    {
        Assert.False(result.Ok, $"expected an error at {key}, but the check passed");
        var errors = result.Errors.ToList();
        Assert.All(errors, e => Assert.Equal(key, e.Key));
        return Assert.Single(errors, e => e.Message.Contains(fragment, StringComparison.Ordinal));
    }

    /// <summary>The check passed with exactly one warning, at <paramref name="key"/>, saying <paramref name="fragment"/>.</summary>
    public static Problem Warning(CheckResult result, string key, string fragment)
    {
        Assert.True(result.Ok, "expected a warning only, got errors:\n" + string.Join("\n", result.Errors));
        var warning = Assert.Single(result.Problems);
        Assert.False(warning.IsError);
        Assert.Equal(key, warning.Key);
        Assert.Contains(fragment, warning.Message, StringComparison.Ordinal);
        return warning;
    }

    /// <summary>The check passed with no problem at all.</summary>
    public static void Clean(CheckResult result)
    {
        Assert.True(result.Ok, "expected no errors, got:\n" + string.Join("\n", result.Errors));
        Assert.Empty(result.Problems);
    }

    /// <summary>No problem at <paramref name="key"/> (other keys may have problems of their own).</summary>
    public static void NothingAt(CheckResult result, string key) =>
        Assert.DoesNotContain(result.Problems, p => p.Key == key);
}
