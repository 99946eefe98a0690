using SrcNetInfra.Tests.Support;

namespace SrcNetInfra.Tests.Rendering;

/// <summary>
/// Golden files: what each stack renders, checked in and reviewed like code. After an intended
/// change, regenerate them with SRCNET_UPDATE_GOLDEN=1 dotnet test tests/SrcNetInfra.Tests and
/// read the diff.
/// </summary>
public static class Golden
{
    public static string Directory(string stack) => Path.Combine(Repo.Root, "tests", "SrcNetInfra.Tests", "Golden", stack);

    public static bool Updating => System.Environment.GetEnvironmentVariable("SRCNET_UPDATE_GOLDEN") == "1";

    public static void Check(string stack, string fileName, string actual)
    {
        var path = Path.Combine(Directory(stack), fileName);
        if (Updating)
        {
            System.IO.Directory.CreateDirectory(Directory(stack));
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"no golden file {path}; run the tests once with SRCNET_UPDATE_GOLDEN=1");
        var expected = File.ReadAllText(path);
        if (expected != actual)
        {
            var line = FirstDifference(expected, actual);
            Assert.Fail($"{stack}/{fileName} differs from its golden file at line {line.Number}:\n  golden: {line.Expected}\n  actual: {line.Actual}\n" +
                        "If the change is intended, regenerate with SRCNET_UPDATE_GOLDEN=1 and review the diff.");
        }
    }

    private static (int Number, string Expected, string Actual) FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var x = i < e.Length ? e[i] : "<end of file>";
            var y = i < a.Length ? a[i] : "<end of file>";
            if (x != y) return (i + 1, x, y);
        }
        return (0, "", "");
    }
}
