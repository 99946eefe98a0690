namespace SrcNetInfra.Tests.Scripts;

/// <summary>
/// A stand-in for <c>python -m karabo.workflows.SRCNet_SKA-MID_AAstar</c>: it writes into
/// <c>OUT_DIR/RUCIO_NAMESPACE/</c> what the real workflow writes there for each flag
/// (docs/handover.md, "Why"): the MeasurementSet (a directory of tables) with <c>--visibility</c>,
/// <c>&lt;prefix&gt;dirty.fits</c> with <c>--dirty</c>, <c>&lt;prefix&gt;cleaned.fits</c> with
/// <c>--cleaned</c>, each followed by its <c>.meta</c>. With <c>--visibility --cleaned</c> it does
/// what WSClean does after the MeasurementSet's metadata exists: writes a temp file beside it and
/// adds a column to it. Some files get modes that deny the group, as a tool setting its own mode
/// would, and one stray file is left that is no product.
/// <para>Controlled by the environment: STANDIN_CONTROL (a directory; it records each call in
/// <c>calls</c> and its pid in <c>pid</c>), STANDIN_SKIP (a file name after the prefix it does not
/// write, e.g. <c>dirty.fits.meta</c>), STANDIN_PAUSE (after writing it creates <c>written</c>
/// and blocks reading the fifo <c>go</c>: the test looks at staging, then lets it go or kills
/// the run), STANDIN_EXIT (its exit code).</para>
/// </summary>
public static class StandInWorkflow
{
    public const string MeasurementSet = "vis.ms";
    public const string StrayFile = "stray.log";

    public const string Script = """
        control=$STANDIN_CONTROL
        echo "$$" >"$control/pid"
        printf '%s|%s|%s|%s\n' "$*" "$OUT_DIR" "$OBS_ID" "$FILE_PREFIX" >>"$control/calls"
        [ -d "$OUT_DIR" ] || { echo "OUT_DIR does not exist" >&2; exit 1; }
        out=$OUT_DIR/$RUCIO_NAMESPACE
        skip=${STANDIN_SKIP:-}
        put() { # name content
          [ "$1" = "$skip" ] || printf '%s\n' "$2" >"$out/$FILE_PREFIX$1"
        }
        vis=0 dirty=0 cleaned=0
        for arg in "$@"; do
          case $arg in --visibility) vis=1 ;; --dirty) dirty=1 ;; --cleaned) cleaned=1 ;; esac
        done
        ms=$out/${FILE_PREFIX}vis.ms
        set --
        if [ "$vis" = 1 ]; then
          mkdir -p "$ms/ANTENNA" "$ms/private"
          printf 'main table\n' >"$ms/table.dat"
          printf 'antennas\n' >"$ms/ANTENNA/table.dat"
          printf 'secret\n' >"$ms/private/table.f0"
          set -- "$ms/private" "$ms/private/table.f0"
          put vis.ms.meta '{"name": "vis.ms"}'
        else
          mkdir -p "$out"
        fi
        if [ "$dirty" = 1 ]; then
          put dirty.fits 'SIMPLE = T dirty'
          [ ! -f "$out/${FILE_PREFIX}dirty.fits" ] || set -- "$@" "$out/${FILE_PREFIX}dirty.fits"
          put dirty.fits.meta '{"name": "dirty.fits"}'
        fi
        # Modes that deny the group, as a tool setting its own would.
        [ $# = 0 ] || chmod go-rwx "$@"
        if [ "$cleaned" = 1 ]; then
          if [ "$vis" = 1 ]; then
            printf 'reordered\n' >"$ms-part0000.tmp"
            printf 'model\n' >"$ms/table.f_model"
            rm -f "$ms-part0000.tmp"
          fi
          put cleaned.fits 'SIMPLE = T cleaned'
          put cleaned.fits.meta '{"name": "cleaned.fits"}'
        fi
        printf 'log\n' >"$out/${FILE_PREFIX}stray.log"
        if [ -n "${STANDIN_PAUSE:-}" ]; then
          : >"$control/written"
          read -r go <"$control/go"
        fi
        exit "${STANDIN_EXIT:-0}"
        """;

    /// <summary>The files the stand-in writes for these products, relative to staging/&lt;scope&gt;/, metadata included.</summary>
    public static IEnumerable<string> Files(string prefix, IReadOnlyCollection<string> products)
    {
        if (products.Contains("visibility"))
        {
            string[] tables = ["ANTENNA/table.dat", "private/table.f0", "table.dat", .. products.Contains("cleaned") ? ["table.f_model"] : Array.Empty<string>()];
            foreach (var table in tables) yield return $"{prefix}vis.ms/{table}";
            yield return $"{prefix}vis.ms.meta";
        }
        if (products.Contains("dirty")) { yield return $"{prefix}dirty.fits"; yield return $"{prefix}dirty.fits.meta"; }
        if (products.Contains("cleaned")) { yield return $"{prefix}cleaned.fits"; yield return $"{prefix}cleaned.fits.meta"; }
    }

    /// <summary>The product's data (file or directory) name, as it is moved.</summary>
    public static string DataName(string prefix, string product) => product switch
    {
        "visibility" => prefix + MeasurementSet,
        "dirty" => prefix + "dirty.fits",
        "cleaned" => prefix + "cleaned.fits",
        _ => throw new ArgumentOutOfRangeException(nameof(product), product, "unknown product"),
    };
}
