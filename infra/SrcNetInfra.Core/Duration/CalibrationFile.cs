using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SrcNetInfra.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SrcNetInfra.Core.Duration;

/// <summary>
/// A calibration as a YAML file in the repository's <c>calibrations/</c> directory, written by
/// <c>srcnet calibrate</c> and reviewed like any other change. Strings are written double-quoted
/// and numbers plainly, so kubectl-style YAML 1.1 readers and ours read the same values.
/// </summary>
public static partial class CalibrationFile
{
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$")]
    private static partial Regex NamePattern();

    /// <summary>A calibration's name: a file name without its extension, letters, digits, '.', '_', '-'.</summary>
    public static bool IsName(string name) => NamePattern().IsMatch(name);

    public const string NameRule = "1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit";

    /// <summary>"'x' is not a calibration name (...)", with the value escaped and shortened as every message's values are.</summary>
    public static string NotAName(string value) => $"{Config.UserText.Quote(value)} is not a calibration name ({NameRule})";

    /// <summary>Files this big are not calibrations.</summary>
    public const long MaxBytes = 1 << 20;

    public static string Write(Calibration c)
    {
        var r = c.Run;
        var t = new StringBuilder();
        void Line(string text) => t.Append(text).Append('\n');
        Line("# How long each step of one run of the SRCNet AA* workflow took, written by `srcnet calibrate`.");
        Line("# srcnet estimate --calibration NAME, and srcnet:workflow.calibration with");
        Line("# activeDeadlineSeconds: auto, project other runs' durations from it (docs/estimation.md).");
        Line($"name: {Quote(c.Name)}");
        Line($"site: {Quote(c.Site)}");
        Line($"nodeType: {Quote(c.NodeType)}");
        Line($"gpus: {Int(r.Gpus)}");
        Line($"source: {Quote(c.Source)}");
        Line($"startedAt: {(c.StartedAt is { } at ? Quote(at.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture)) : "null")}");
        Line($"finished: {(c.Finished ? "true" : "false")}");
        Line("run:");
        Line($"  stack: {Quote(r.Stack)}");
        Line($"  image: {Quote(r.Image)}");
        Line($"  products: [{string.Join(", ", r.Products.SelectedNames.Select(Quote))}]");
        Line($"  stations: {Int(r.Stations)}");
        Line($"  startFreqHz: {Num(r.StartFreqHz)}");
        Line($"  endFreqHz: {Num(r.EndFreqHz)}");
        Line($"  freqIncHz: {Num(r.FreqIncHz)}");
        Line($"  numTimeStamps: {Int(r.TimeSteps)}");
        Line($"  imagingNpixel: {Int(r.ImagingNpixel)}");
        Line($"  phaseCenterRaDeg: {Num(r.PhaseCenterRaDeg)}");
        Line($"  phaseCenterDecDeg: {Num(r.PhaseCenterDecDeg)}");
        Line("  resources:");
        Line($"    requestsCpu: {Quote(r.RequestsCpu)}");
        Line($"    limitsCpu: {Quote(r.LimitsCpu)}");
        Line($"    requestsMemory: {Quote(r.RequestsMemory)}");
        Line($"    limitsMemory: {Quote(r.LimitsMemory)}");
        Line("stages:  # seconds");
        foreach (var stage in RunStages.All.Where(c.Seconds.ContainsKey))
            Line($"  {RunStages.Key(stage)}: {Num(Math.Round(c.Seconds[stage], 3))}");
        return t.ToString();
    }

    /// <summary>Reads a calibration; null and a one-line reason (naming the field) when it cannot.</summary>
    public static Calibration? Read(string path, out string? error)
    {
        error = null;
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                error = "no such file";
                return null;
            }
            if (info.Length > MaxBytes)
            {
                error = $"is {info.Length} bytes; a calibration is a few hundred";
                return null;
            }
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot be read: {e.Message}";
            return null;
        }
        return Parse(text, out error);
    }

    public static Calibration? Parse(string text, out string? error)
    {
        error = null;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            error = $"is not valid YAML (line {e.Start.Line}): {e.Message}";
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            error = "must be a YAML map as srcnet calibrate writes it";
            return null;
        }
        try
        {
            var reader = new Reader(root, "");
            var run = reader.Map("run");
            var resources = run.Map("resources");
            var products = ProductSelection.TryParse(run.Strings("products"), out var productError)
                ?? throw new FieldException("run.products", productError!);
            var calibratedRun = new CalibratedRun(
                run.String("stack"), run.String("image"), products,
                run.Int("stations", 2), run.Number("startFreqHz"), run.Number("endFreqHz"), run.Number("freqIncHz"),
                run.Int("numTimeStamps", 1), run.Int("imagingNpixel", 1),
                run.Number("phaseCenterRaDeg"), run.Number("phaseCenterDecDeg"),
                resources.String("requestsCpu"), resources.String("limitsCpu"), resources.String("requestsMemory"), resources.String("limitsMemory"),
                reader.Int("gpus", 0));
            if (!(calibratedRun.EndFreqHz > calibratedRun.StartFreqHz && calibratedRun.FreqIncHz > 0 && calibratedRun.StartFreqHz > 0)
                || Estimation.Band.Check(calibratedRun.StartFreqHz, calibratedRun.EndFreqHz, calibratedRun.FreqIncHz, setting => setting.Key) is not null)
                throw new FieldException("run.freqIncHz", "the band (startFreqHz, endFreqHz, freqIncHz) holds no channel");

            var stages = reader.Map("stages");
            var seconds = new Dictionary<RunStage, double>();
            foreach (var key in stages.Keys())
            {
                var stage = RunStages.FromKey(key)
                    ?? throw new FieldException($"stages.{key}", $"is not a step; the steps are {string.Join(", ", RunStages.All.Select(RunStages.Key))}");
                var value = stages.Number(key);
                if (value < 0) throw new FieldException($"stages.{key}", "must be 0 or more seconds");
                seconds[stage] = value;
            }
            if (seconds.Count == 0) throw new FieldException("stages", "must name at least one step and its seconds");

            var name = reader.String("name");
            if (!IsName(name)) throw new FieldException("name", $"must be {NameRule}");
            var startedAt = reader.OptionalString("startedAt") is { } at
                ? DateTime.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed
                    : throw new FieldException("startedAt", "must be a UTC time such as 2026-05-01T13:00:05Z")
                : (DateTime?)null;
            return new Calibration(name, reader.String("site"), reader.String("nodeType"), calibratedRun, seconds,
                reader.Bool("finished"), reader.String("source"), startedAt);
        }
        catch (FieldException e)
        {
            error = $"{e.Field}: {e.Message}";
            return null;
        }
    }

    private static string Quote(string value) => JsonSerializer.Serialize(value);

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private sealed class FieldException(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }

    /// <summary>Typed access to a YAML map, with errors naming the field's dotted path.</summary>
    private sealed class Reader(YamlMappingNode map, string prefix)
    {
        private string Path(string key) => prefix + key;

        private YamlNode? Node(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

        public IEnumerable<string> Keys() => map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "");

        private string Scalar(string key) => Node(key) switch
        {
            YamlScalarNode { Value: { } v } => v,
            null => throw new FieldException(Path(key), "is required"),
            _ => throw new FieldException(Path(key), "must be a single value"),
        };

        public Reader Map(string key) => Node(key) is YamlMappingNode m
            ? new Reader(m, Path(key) + ".")
            : throw new FieldException(Path(key), "must be a map");

        public string String(string key)
        {
            var value = Scalar(key);
            return value.Length > 0 ? value : throw new FieldException(Path(key), "must not be empty");
        }

        public string? OptionalString(string key) => Node(key) is YamlScalarNode { Value: { } v } && v is not ("null" or "~" or "") ? v : null;

        public double Number(string key) =>
            double.TryParse(Scalar(key), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
                ? v
                : throw new FieldException(Path(key), "must be a number");

        public int Int(string key, int min) =>
            int.TryParse(Scalar(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min
                ? v
                : throw new FieldException(Path(key), $"must be a whole number of at least {min}");

        public bool Bool(string key) => Scalar(key) switch
        {
            "true" => true,
            "false" => false,
            _ => throw new FieldException(Path(key), "must be true or false"),
        };

        public IReadOnlyList<string> Strings(string key) => Node(key) is YamlSequenceNode list
            ? [.. list.Children.Select(c => c is YamlScalarNode { Value: { } v } ? v : throw new FieldException(Path(key), "must be a list of names"))]
            : throw new FieldException(Path(key), "must be a list such as [dirty, cleaned]");
    }
}
