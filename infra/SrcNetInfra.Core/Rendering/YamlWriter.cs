using System.Collections;
using System.Text;

namespace SrcNetInfra.Core.Rendering;

/// <summary>
/// Block YAML from a plain tree: maps (<c>IEnumerable&lt;KeyValuePair&lt;string, object&gt;&gt;</c>,
/// written in their own order), lists (any other <see cref="IEnumerable"/>), strings, booleans,
/// and int, long and double numbers. Maps indent by two spaces, a list sits at its key's column,
/// an empty map or list is <c>{}</c> or <c>[]</c>. Every scalar goes through <see cref="YamlScalar"/>,
/// so kubectl and Helm (YAML 1.1) and YAML 1.2 readers read the same values. Nothing here depends
/// on the machine, the clock or hash order: the same tree gives the same bytes.
/// </summary>
public static class YamlWriter
{
    /// <summary>One document (a map or a list at the top), ending with a newline, without a <c>---</c> marker.</summary>
    public static string Document(object tree)
    {
        var yaml = new StringBuilder();
        AppendDocument(yaml, tree);
        return yaml.ToString();
    }

    public static void AppendDocument(StringBuilder yaml, object tree)
    {
        switch (Shape(tree))
        {
            case Kind.Map when !IsEmpty((IEnumerable)tree):
                AppendMap(yaml, (IEnumerable<KeyValuePair<string, object>>)tree, 0, continuesLine: false);
                break;
            case Kind.List when !IsEmpty((IEnumerable)tree):
                AppendList(yaml, (IEnumerable)tree, 0, continuesLine: false);
                break;
            default:
                throw new ArgumentException("a YAML document here is a non-empty map or list", nameof(tree));
        }
    }

    /// <summary>
    /// A comment line (<c># text</c>, or <c>#</c> for an empty line) with its newline. Comments quote
    /// user values (a stack name, a chart); a line break or control character among them would end
    /// the comment and put the rest into the YAML, so such characters are written as escapes.
    /// </summary>
    public static string Comment(string text)
    {
        if (text.Length == 0) return "#\n";
        if (PlainScalar.IsPrintableOnOneLine(text)) return "# " + text + "\n";
        var line = new StringBuilder("# ");
        foreach (var c in text)
        {
            if (PlainScalar.IsPrintable(c) || char.IsSurrogate(c)) line.Append(c);
            else line.Append(c <= '\u00FF' ? $"\\x{(int)c:X2}" : $"\\u{(int)c:X4}");
        }
        return line.Append('\n').ToString();
    }

    private enum Kind { Scalar, Map, List }

    private static Kind Shape(object? node) => node switch
    {
        null => throw new ArgumentException("a null in the tree has no YAML form here: leave the key out"),
        string => Kind.Scalar,
        IEnumerable<KeyValuePair<string, object>> => Kind.Map,
        IEnumerable => Kind.List,
        _ => Kind.Scalar,
    };

    /// <param name="continuesLine">The first key goes on the current line, after a list's <c>- </c>.</param>
    private static void AppendMap(StringBuilder yaml, IEnumerable<KeyValuePair<string, object>> map, int indent, bool continuesLine)
    {
        foreach (var (key, value) in map)
        {
            if (!continuesLine) yaml.Append(' ', indent);
            continuesLine = false;
            YamlScalar.AppendKey(yaml, key);
            yaml.Append(':');
            switch (Shape(value))
            {
                case Kind.Map when IsEmpty((IEnumerable)value):
                    yaml.Append(" {}\n");
                    break;
                case Kind.Map:
                    yaml.Append('\n');
                    AppendMap(yaml, (IEnumerable<KeyValuePair<string, object>>)value, indent + 2, continuesLine: false);
                    break;
                case Kind.List when IsEmpty((IEnumerable)value):
                    yaml.Append(" []\n");
                    break;
                case Kind.List:
                    // A list under a key starts at the key's column, as kubectl and Helm write it.
                    yaml.Append('\n');
                    AppendList(yaml, (IEnumerable)value, indent, continuesLine: false);
                    break;
                default:
                    yaml.Append(' ');
                    if (!YamlScalar.AppendValue(yaml, value, indent + 2)) yaml.Append('\n');
                    break;
            }
        }
    }

    private static void AppendList(StringBuilder yaml, IEnumerable list, int indent, bool continuesLine)
    {
        foreach (var item in list)
        {
            if (!continuesLine) yaml.Append(' ', indent);
            continuesLine = false;
            yaml.Append("- ");
            switch (Shape(item))
            {
                case Kind.Map when IsEmpty((IEnumerable)item!):
                    yaml.Append("{}\n");
                    break;
                case Kind.Map:
                    AppendMap(yaml, (IEnumerable<KeyValuePair<string, object>>)item!, indent + 2, continuesLine: true);
                    break;
                case Kind.List when IsEmpty((IEnumerable)item!):
                    yaml.Append("[]\n");
                    break;
                case Kind.List:
                    AppendList(yaml, (IEnumerable)item!, indent + 2, continuesLine: true);
                    break;
                default:
                    if (!YamlScalar.AppendValue(yaml, item!, indent + 2)) yaml.Append('\n');
                    break;
            }
        }
    }

    private static bool IsEmpty(IEnumerable collection)
    {
        if (collection is ICollection c) return c.Count == 0;
        var e = collection.GetEnumerator();
        try
        {
            return !e.MoveNext();
        }
        finally
        {
            (e as IDisposable)?.Dispose();
        }
    }
}
