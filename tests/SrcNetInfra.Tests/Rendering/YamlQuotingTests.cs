using SrcNetInfra.Core.Rendering;
using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Rendering;

/// <summary>
/// How <see cref="YamlWriter"/> writes strings: plain only where every YAML 1.1 and 1.2 reader
/// reads the same string, quoted otherwise; checked by rule here and with the real readers below.
/// </summary>
public class YamlQuotingTests
{
    /// <summary>Strings that some YAML 1.1 or 1.2 reader reads as something else, or that break the block structure.</summary>
    public static readonly string[] MustQuote =
    [
        // YAML 1.1 booleans (goyaml.v2 in kubectl and Helm has all of them; PyYAML lacks y and n) and nulls.
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "~", "null", "Null", "NULL", "",
        // Integers: binary, hex, YAML 1.2 and Go octal, YAML 1.1 octal, underscores, signs, base 60, Psych's commas, huge.
        "0b101", "-0b101", "0x1F", "+0x1f", "0o17", "0O17", "017", "1_000", "2024_01_15", "+12", "-12", "0", "190:20:30", "12:30",
        "1,000", "99999999999999999999999",
        // Floats: exponents, leading and trailing dots, underscores, YAML 1.1's dotted runs, infinities, NaN.
        "1e3", "1E3", "1e+3", ".5", "1.", "1_000.5", "0.34.0", "1.2.3", ".", "+.5", "-1.5e-3", "190:20:30.15",
        ".inf", ".Inf", ".INF", "-.inf", "+.Inf", ".nan", ".NaN", ".NAN", "inf", "NaN",
        // YAML 1.1 timestamps (also one-digit months, which Go accepts).
        "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2001-12-14T21:59:43Z", "2001-1-2",
        // The merge key and YAML 1.1's value key.
        "<<", "=",
        // Indicators first, surrounding spaces, structure inside.
        "-", "- x", "--- x", "---", "...", "? x", "?x", ": x", ":x", ",x", "[x", "]x", "{x}", "}x", "#x", "&x", "*x", "!x", "|x", ">x",
        "'x", "\"x", "%x", "@x", "`x", " x", "x ", "a: b", "a #b", "a:", "it's: ok",
        // Characters a plain scalar cannot hold: tab, line breaks of YAML 1.1 and 1.2, BOM, controls.
        "a\tb", "\tx", "a\nb", "a\n", "\n", "a\rb", "a\u0085b", "a\u2028b", "a\u2029b", "\uFEFFx", "x\uFEFF", "a\u0007b", "a\0b", "a\u007Fb", "a\u009Fb",
    ];

    /// <summary>Strings srcnet renders today that every reader reads as strings: they stay unquoted.</summary>
    public static readonly string[] StaysPlain =
    [
        "ghcr.io/i4ds/karabo-pipeline:0.34.0", "-c", "/bin/sh", "dirty,cleaned", "04.26.2020T16:36", "None", "1Gi", "500m",
        "MIGHTEE_L1", "https://rucio.srcdev.skao.int", "a:b", "a#b", "Zürich", "openid profile rucio wlcg.groups",
        "app.kubernetes.io/name", "v2", "15s", "/~", "yes-please", "0.34.0-rc1", "system:auth-delegator", "😀 emoji", "it's",
    ];

    public static TheoryData<string> MustQuoteCases => [.. MustQuote];

    public static TheoryData<string> StaysPlainCases => [.. StaysPlain];

    [Theory]
    [MemberData(nameof(MustQuoteCases))]
    public void Is_quoted_as_a_value_and_as_a_key(string s)
    {
        Assert.False(PlainScalar.IsSafe(s));
        Assert.NotEqual($"k: {s}\n", YamlWriter.Document(new OrderedDictionary<string, object> { ["k"] = s }));
        Assert.False(YamlWriter.Document(new OrderedDictionary<string, object> { [s] = "v" }).StartsWith(s + ": ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(StaysPlainCases))]
    public void Stays_plain(string s)
    {
        Assert.True(PlainScalar.IsSafe(s));
        Assert.Equal($"k: {s}\n{s}: v\n", YamlWriter.Document(new OrderedDictionary<string, object> { ["k"] = s, [s] = "v" }));
    }

    [Theory]
    [InlineData("on", "'on': 'on'\n")]
    [InlineData("'q'", "'''q''': '''q'''\n")]
    [InlineData(" lead and trail ", "' lead and trail ': ' lead and trail '\n")]
    [InlineData("a\tb", "\"a\\tb\": \"a\\tb\"\n")]
    [InlineData("\uFEFFx", "\"\\uFEFFx\": \"\\uFEFFx\"\n")]
    [InlineData("a\u0085b", "\"a\\x85b\": \"a\\x85b\"\n")]
    [InlineData("a\u2028b", "\"a\\u2028b\": \"a\\u2028b\"\n")]
    [InlineData("q\"\\\t", "\"q\\\"\\\\\\t\": \"q\\\"\\\\\\t\"\n")]
    [InlineData("a\u0007\0", "\"a\\x07\\0\": \"a\\x07\\0\"\n")]
    public void Quotes_with_single_quotes_unless_an_escape_is_needed(string s, string expected)
    {
        Assert.Equal(expected, YamlWriter.Document(new OrderedDictionary<string, object> { [s] = s }));
    }

    [Theory]
    [InlineData("a\nb\n", "k: |\n  a\n  b\n")]
    [InlineData("a\nb", "k: |-\n  a\n  b\n")]
    [InlineData("a\n\n", "k: |+\n  a\n\n")]
    [InlineData("\na\n", "k: |\n\n  a\n")]
    [InlineData("a\n  indented\n\nb\n", "k: |\n  a\n    indented\n\n  b\n")]
    // Where a literal block would not read back exactly: a leading space would set the indentation,
    // a trailing space or tab is invisible, a string of only newlines has no line to indent.
    [InlineData(" a\nb\n", "k: \" a\\nb\\n\"\n")]
    [InlineData("a \nb\n", "k: \"a \\nb\\n\"\n")]
    [InlineData("a\tx\nb\n", "k: \"a\\tx\\nb\\n\"\n")]
    [InlineData("\n\n", "k: \"\\n\\n\"\n")]
    public void Writes_a_multi_line_string_as_a_literal_block_only_where_it_reads_back_exactly(string s, string expected)
    {
        Assert.Equal(expected, YamlWriter.Document(new OrderedDictionary<string, object> { ["k"] = s }));
    }

    [Fact]
    public void A_literal_block_in_a_list_is_indented_under_its_dash()
    {
        var tree = new OrderedDictionary<string, object> { ["args"] = new List<object> { "set -eu\nexec x\n" } };
        Assert.Equal("args:\n- |\n  set -eu\n  exec x\n", YamlWriter.Document(tree));
    }

    [Fact]
    public void Numbers_and_booleans_meant_as_such_stay_plain()
    {
        var tree = new OrderedDictionary<string, object>
        {
            ["int"] = 5, ["long"] = 5_000_000_000L, ["negative"] = -3, ["bool"] = true, ["false"] = false,
            ["half"] = 0.5, ["whole"] = 4.0, ["big"] = 1e20, ["small"] = -2.5e-7, ["negInf"] = double.NegativeInfinity,
        };
        Assert.Equal(
            "int: 5\nlong: 5000000000\nnegative: -3\nbool: true\n'false': false\nhalf: 0.5\nwhole: 4.0\nbig: 1.0e+20\nsmall: -2.5e-07\nnegInf: -.inf\n",
            YamlWriter.Document(tree));
    }

    [Fact]
    public void Lays_out_nested_maps_and_lists_as_kubectl_does()
    {
        var tree = new OrderedDictionary<string, object>
        {
            ["map"] = new OrderedDictionary<string, object> { ["a"] = "1Gi", ["b"] = new OrderedDictionary<string, object>() },
            ["list"] = new List<object> { new OrderedDictionary<string, object> { ["x"] = "v", ["z"] = new List<object> { "w" } }, new List<object> { "p", "q" }, new List<object>() },
            ["empty"] = new List<object>(),
        };
        Assert.Equal(
            "map:\n  a: 1Gi\n  b: {}\nlist:\n- x: v\n  z:\n  - w\n- - p\n  - q\n- []\nempty: []\n",
            YamlWriter.Document(tree));
    }

    [Fact]
    public void Refuses_what_it_cannot_write_exactly()
    {
        Assert.Throws<ArgumentException>(() => YamlWriter.Document(new OrderedDictionary<string, object> { ["k"] = "lone \uD800 surrogate" }));
        Assert.Throws<ArgumentException>(() => YamlWriter.Document(new OrderedDictionary<string, object> { ["k"] = null! }));
        Assert.Throws<ArgumentException>(() => YamlWriter.Document(new OrderedDictionary<string, object> { [new string('k', 1025)] = "v" }));
        Assert.Throws<NotSupportedException>(() => YamlWriter.Document(new OrderedDictionary<string, object> { ["k"] = 1.5m }));
    }

    [Theory]
    [InlineData("stack dev", "# stack dev\n")]
    [InlineData("", "#\n")]
    [InlineData("chart a\nb: c", "# chart a\\x0Ab: c\n")]
    [InlineData("x\u2028y\r", "# x\\u2028y\\x0D\n")]
    public void A_comment_stays_one_comment_line_whatever_user_text_it_quotes(string text, string expected)
    {
        Assert.Equal(expected, YamlWriter.Comment(text));
    }

    // ----- the real readers ------------------------------------------------------------------------

    private static OrderedDictionary<string, object> AllCases()
    {
        var cases = MustQuote.Concat(StaysPlain).Concat(["a\nb\n", "a\nb", "a\n\n", "\na\n", "a\n  indented\n\nb\n", " a\nb\n", "a \nb\n"]).ToList();
        var asKeys = new OrderedDictionary<string, object>();
        for (var i = 0; i < cases.Count; i++) asKeys[cases[i]] = i;
        return new OrderedDictionary<string, object>
        {
            ["values"] = cases.Cast<object>().ToList(),
            ["keys"] = asKeys,
            ["typed"] = new OrderedDictionary<string, object> { ["int"] = 5, ["long"] = 5_000_000_000L, ["bool"] = true, ["no"] = false },
        };
    }

    [ToolFact(ExternalTools.PyYaml)]
    public void Every_case_reads_back_as_written_in_PyYAML()
    {
        using var dir = new TempDir();
        var tree = AllCases();
        var file = dir.Write("cases.yaml", YamlWriter.Document(tree));
        var read = Assert.Single(YamlReaders.PyYaml([file]));
        Assert.Null(YamlReaders.Difference(YamlReaders.Expected(tree), Assert.Single(read)));
    }

    [ToolFact(ExternalTools.Kubectl)]
    public void Every_case_reads_back_as_written_in_kubectl()
    {
        // Cases as a ConfigMap's data values and as its annotation keys: kubectl decodes both without
        // validating them, as apply would before sending them to the API server.
        using var dir = new TempDir();
        var cases = (List<object>)AllCases()["values"];
        var data = new OrderedDictionary<string, object>();
        var annotations = new OrderedDictionary<string, object>();
        for (var i = 0; i < cases.Count; i++)
        {
            data[$"k{i}"] = cases[i];
            annotations[(string)cases[i]] = $"{i}";
        }
        var configMap = new OrderedDictionary<string, object>
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new OrderedDictionary<string, object> { ["annotations"] = annotations, ["name"] = "cases" },
            ["data"] = data,
        };
        var file = dir.Write("cases.yaml", YamlWriter.Document(configMap));
        var read = Assert.Single(YamlReaders.Kubectl([file]));
        Assert.Null(YamlReaders.Difference(YamlReaders.Expected(configMap), read));
    }
}
