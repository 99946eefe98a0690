using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Config;

/// <summary>Reads <c>srcnet:scratch</c>.</summary>
internal static class ScratchConfig
{
    public static ScratchSpec Read(ConfigSection s, Problems problems)
    {
        var mode = s.Choice("mode", ScratchMode.Ephemeral, ConfigWords.ScratchMode);
        var claimName = s.String("claimName", "temporal-scratch");
        if (Names.CheckObjectName(claimName) is { } bad) problems.Error(s.KeyOf("claimName"), bad);
        var storageClass = s.OptionalString("storageClass");
        if (storageClass is not null && Names.CheckObjectName(storageClass) is { } badClass) problems.Error(s.KeyOf("storageClass"), badClass);
        var accessMode = s.Choice("accessMode", "ReadWriteOnce", IngestorConfig.AccessModes);
        var size = s.Size("size");
        // Scratch holds the MeasurementSet being written and WSClean's files: generous by default,
        // because running out of scratch fails a run hours in.
        var headroom = s.Number("headroom", Defaults.ScratchHeadroom, Headroom.Check);
        s.Done();
        return new ScratchSpec
        {
            Mode = mode,
            ClaimName = claimName,
            StorageClass = storageClass,
            AccessMode = accessMode,
            Size = size,
            Headroom = headroom,
        };
    }
}
