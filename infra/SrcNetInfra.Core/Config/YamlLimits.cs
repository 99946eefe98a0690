using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SrcNetInfra.Core.Config;

/// <summary>
/// Reads a YAML text as a stream of events, before anything builds it into nodes, and refuses what
/// would take unbounded time or memory to build or convert: nesting deeper than <see cref="MaxDepth"/>
/// (building nodes recurses, and .NET cannot catch a stack overflow), more than <see cref="MaxNodes"/>
/// values once aliases are expanded (a 1.5 KB "billion laughs" file expands to a billion, and
/// YamlDotNet takes tens of milliseconds per 10,000 plain values), and a scalar longer than
/// <see cref="MaxScalarLength"/>. Syntax errors come out here too, with their line
/// and column, including an unclosed <c>{</c> or <c>[</c>, for which the parser itself names no place.
/// </summary>
/// <remarks>
/// Aliases are allowed: Pulumi reads stack files with go-yaml v3, which expands them (and stops
/// "excessive aliasing" by a ratio of aliased to plain nodes); a file Pulumi accepts is accepted here
/// as long as it expands to a sane size. Counting what the expansion would produce is exact and
/// linear: each anchor's expanded size is known when its node ends.
/// </remarks>
public static class YamlLimits
{
    /// <summary>A stack file nests fewer than 10 levels (config, key, section, list, item, ...).</summary>
    public const int MaxDepth = 64;

    /// <summary>Values after alias expansion: a stack file has a few hundred.</summary>
    public const int MaxNodes = 10_000;

    /// <summary>The longest scalar: no value of a stack file comes near it.</summary>
    public const int MaxScalarLength = 64 * 1024;

    /// <summary>Null when the text is within every limit and parses; otherwise why not, with the place.</summary>
    public static string? Check(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var open = new Stack<(AnchorName Anchor, long NodesBefore, ParsingEvent Start)>();
        var anchors = new Dictionary<AnchorName, long>();
        long nodes = 0;
        var aliases = false;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                switch (e)
                {
                    case Scalar scalar:
                        if (scalar.Value.Length > MaxScalarLength)
                            return $"holds a value of {scalar.Value.Length} characters {At(e.Start)}; a value may have at most {MaxScalarLength}";
                        nodes++;
                        if (!scalar.Anchor.IsEmpty) anchors[scalar.Anchor] = 1;
                        break;
                    case NodeEvent collection and (MappingStart or SequenceStart):
                        if (open.Count >= MaxDepth)
                            return $"nests maps and lists deeper than {MaxDepth} levels {At(e.Start)}; a stack file needs fewer than 10";
                        open.Push((collection.Anchor, nodes, e));
                        nodes++;
                        break;
                    case MappingEnd or SequenceEnd:
                        var (anchor, before, _) = open.Pop();
                        if (!anchor.IsEmpty) anchors[anchor] = nodes - before;
                        break;
                    case AnchorAlias alias:
                        if (open.Any(o => o.Anchor == alias.Value))
                            return $"the alias *{UserText.Show(alias.Value.Value)} {At(e.Start)} is inside the node it refers to; a value cannot contain itself";
                        if (!anchors.TryGetValue(alias.Value, out var size))
                            return $"the alias *{UserText.Show(alias.Value.Value)} {At(e.Start)} refers to no anchor before it";
                        nodes += size;
                        aliases = true;
                        break;
                }
                if (nodes > MaxNodes)
                    return $"holds more than {MaxNodes} values{(aliases ? " once its aliases are expanded" : "")} {At(e.Start)}; a stack file has a few hundred";
            }
        }
        catch (YamlException e)
        {
            var unclosed = UnclosedFlow(open, e.Message);
            // Some errors come without a place; for a tab used as indentation, find its line, and
            // otherwise say no line rather than a wrong one.
            var where = e.Start.Line > 1 || e.Start.Column > 1 ? $" {At(e.Start)}"
                : FirstTabIndentedLine(yaml) is { } tabLine ? $" (line {tabLine}, column 1)"
                : "";
            return $"is not valid YAML{where}: {UserText.Line(Innermost(e).Message)}{unclosed}";
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet reports some malformed flow collections (an unclosed { or [ before a block key) this way, without a place.
            var unclosed = UnclosedFlow(open, "did not find expected ',' or '}'");
            return unclosed.Length > 0
                ? $"is not valid YAML{unclosed}"
                : "is not valid YAML: a flow collection ({ or [) is malformed";
        }
        return null;
    }

    /// <summary>For an error about a flow collection's end, names where the innermost open one starts.</summary>
    private static string UnclosedFlow(Stack<(AnchorName Anchor, long NodesBefore, ParsingEvent Start)> open, string message)
    {
        if (!message.Contains("did not find expected ','", StringComparison.Ordinal)) return "";
        foreach (var (_, _, start) in open)
        {
            switch (start)
            {
                case MappingStart { Style: MappingStyle.Flow }:
                    return $": the {{ {At(start.Start)} is not closed with }}";
                case SequenceStart { Style: SequenceStyle.Flow }:
                    return $": the [ {At(start.Start)} is not closed with ]";
            }
        }
        return "";
    }

    private static int? FirstTabIndentedLine(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i][..(lines[i].Length - lines[i].TrimStart(' ', '\t').Length)];
            if (indent.Contains('\t', StringComparison.Ordinal)) return i + 1;
        }
        return null;
    }

    internal static string At(Mark mark) => $"(line {mark.Line}, column {mark.Column})";

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
