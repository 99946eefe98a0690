namespace SrcNetInfra.Core;

/// <summary>The text of a file built into this assembly (the shell scripts; SrcNetInfra.Core.csproj names them).</summary>
internal static class EmbeddedText
{
    public static string Read(string resource)
    {
        using var stream = typeof(EmbeddedText).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded file {resource} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
