namespace SrcNetInfra.Core.Duration;

/// <summary>
/// The repository's calibrations: <c>calibrations/&lt;name&gt;.yaml</c> at the project root (the
/// directory of Pulumi.yaml), so the CLI and <c>pulumi up</c> read the same file.
/// </summary>
public sealed record CalibrationLibrary(string Directory)
{
    public const string DirectoryName = "calibrations";

    public static CalibrationLibrary AtProjectRoot(string root) => new(System.IO.Path.Combine(root, DirectoryName));

    public string PathOf(string name) => System.IO.Path.Combine(Directory, name + ".yaml");

    /// <summary>The calibration called <paramref name="name"/>; null and a one-line reason when there is none or it is broken.</summary>
    public Calibration? Load(string name, out string? error)
    {
        error = null;
        if (!CalibrationFile.IsName(name))
        {
            error = CalibrationFile.NotAName(name);
            return null;
        }
        var path = PathOf(name);
        var calibration = CalibrationFile.Read(path, out var fileError);
        if (calibration is null)
        {
            error = fileError == "no such file"
                ? $"no calibration {name}: {path} does not exist; `srcnet calibrate` writes it from a finished run"
                : $"{path}: {fileError}";
            return null;
        }
        if (calibration.Name != name)
        {
            error = $"{path} calls itself {calibration.Name}; its name must match the file's";
            return null;
        }
        return calibration;
    }

    /// <summary>The calibration names present, sorted.</summary>
    public IReadOnlyList<string> Names() =>
        System.IO.Directory.Exists(Directory)
            ? [.. System.IO.Directory.EnumerateFiles(Directory, "*.yaml").Select(System.IO.Path.GetFileNameWithoutExtension).OfType<string>().Where(CalibrationFile.IsName).Order(StringComparer.Ordinal)]
            : [];
}
