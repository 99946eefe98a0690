using System.CommandLine;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Duration;
using SrcNetInfra.Core.Estimation;
using SrcNetInfra.Core.Model;
using SrcNetInfra.Core.Validation;

namespace SrcNetInfra.Cli.Verbs;

/// <summary>
/// <c>srcnet estimate</c>: what one run writes to scratch and to the ingest area, and the volume
/// sizes that follow. Starts from a stack (or the seed's example job) and applies flag overrides.
/// </summary>
public static class EstimateVerb
{
    public static Command Build(CliContext context)
    {
        var source = new StackSource();
        var stations = Flags.For(SimulationSettings.Stations);
        var start = Flags.For(SimulationSettings.StartFreqHz);
        var end = Flags.For(SimulationSettings.EndFreqHz);
        var inc = Flags.For(SimulationSettings.FreqIncHz);
        var timeSteps = Flags.For(SimulationSettings.NumTimeStamps);
        var npixel = Flags.For(SimulationSettings.ImagingNpixel);
        var products = new Option<string?>("--products") { Description = "Products to ingest: a non-empty subset of visibility,dirty,cleaned", HelpName = "LIST" };
        var nodeCpus = Flags.For(DeviceSettings.NodeCpus);
        var gpus = Flags.For(DeviceSettings.Gpus);
        var calibration = new Option<string?>("--calibration")
        {
            Description = "Project the run's duration from this calibration: a name in calibrations/ or a file's path (default: the stack's srcnet:workflow.calibration)",
            HelpName = "NAME|PATH",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the table" };

        var command = new Command("estimate",
            "Estimate what one run writes to scratch and to the ingest area, and the volume requests that follow " +
            "(for a campaign stack: every point, the points at once and the campaign's totals). " +
            "Starts from --stack/--config-file, or the seed's example job without either; flags override (not for a campaign).");
        source.AddTo(command);
        foreach (var o in new Option[] { stations, start, end, inc, timeSteps, npixel, products, nodeCpus, gpus, calibration, json }) command.Options.Add(o);

        var simulationFlags = new Option[] { stations, start, end, inc, timeSteps, npixel, products, nodeCpus, gpus };
        command.SetAction((parse, cancellation) =>
        {
            var basis = Basis(context, source, parse);
            if (basis.Environment?.Spec.Campaign is not null)
            {
                // A campaign's runs are its points: a flag would change all of them alike, which is not what it says.
                if (simulationFlags.FirstOrDefault(f => parse.GetResult(f) is not null) is { } flag)
                    throw new UsageException($"{flag.Name}: applies to one run; the points of campaign stack {basis.Environment.Spec.Stack} come from srcnet:campaign (estimate one point with a job stack, or without --stack)");
                return Task.FromResult(Campaign(context, basis, parse.GetValue(calibration), parse.GetValue(json)));
            }
            var input = basis.Input with
            {
                Stations = parse.GetValue(stations) ?? basis.Input.Stations,
                StartFreqHz = parse.GetValue(start) ?? basis.Input.StartFreqHz,
                EndFreqHz = parse.GetValue(end) ?? basis.Input.EndFreqHz,
                FreqIncHz = parse.GetValue(inc) ?? basis.Input.FreqIncHz,
                TimeSteps = parse.GetValue(timeSteps) ?? basis.Input.TimeSteps,
                ImagingNpixel = parse.GetValue(npixel) ?? basis.Input.ImagingNpixel,
                Products = parse.GetValue(products) is { } list ? ParseProducts(list) : basis.Input.Products,
                NodeCpus = parse.GetValue(nodeCpus) ?? basis.Input.NodeCpus,
                Gpus = parse.GetValue(gpus) ?? basis.Input.Gpus,
            };
            CheckInput(input);

            var calibrated = LoadCalibration(context, parse.GetValue(calibration) ?? basis.Calibration);
            EstimateReport report;
            try
            {
                // A stack's own estimate and sizing as validate made them, unless a flag changes the run.
                var sizing = input == basis.Input && basis.Checked is { } same ? same : basis.SizingFor(Estimator.For(input));
                report = new EstimateReport(basis.Description, input.Products, sizing.Estimate, sizing, basis.ScratchHeadroom, basis.IngestHeadroom)
                {
                    Duration = calibrated is null ? null
                        : DurationReport.From(calibrated, DurationProjection.For(calibrated, RunShape.For(input, basis.RaDeg, basis.DecDeg, basis.CpuLimit))),
                    DurationHint = calibrated is null ? DurationReport.Hint(null) : null,
                };
            }
            catch (OverflowException)
            {
                throw new UsageException("the estimate exceeds 8 EiB; check --time-steps, --npixel, --stations and the band against --freq-inc-hz");
            }
            context.Out.Write(parse.GetValue(json) ? report.ToJson() : report.ToTable());
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>A campaign stack's estimate: every point, and the whole campaign at its parallelism.</summary>
    private static int Campaign(CliContext context, EstimateBasis basis, string? calibrationFlag, bool json)
    {
        var env = basis.Environment!;
        var calibrated = LoadCalibration(context, calibrationFlag ?? basis.Calibration);
        var duration = calibrated is null ? null
            : CampaignDuration.For(calibrated, env.Spec.Workflow, env.Spec.Campaign!, env.Sizing.Campaign!.Parallelism);
        var report = CampaignEstimateReport.From(basis.Description, env, duration, calibrated?.Name);
        context.Out.Write(json ? report.ToJson() : report.ToTable());
        return ExitCodes.Ok;
    }

    /// <param name="SizingFor">The volumes an estimate asks for: the stack's own sizing rules, or the defaults'.</param>
    /// <param name="Checked">The stack's sizing as its check made it, for the stack's own run.</param>
    private sealed record EstimateBasis(
        string Description, EstimateInput Input, double ScratchHeadroom, double IngestHeadroom, Func<Estimate, Sizing> SizingFor, Sizing? Checked)
    {
        public string? Calibration { get; init; }

        /// <summary>The stack the estimate starts from; null for the seed's example job.</summary>
        public Core.Validation.CheckedEnvironment? Environment { get; init; }

        /// <summary>The phase centre decides which sources the simulation has; the seed's is MIGHTEE's COSMOS field.</summary>
        public double RaDeg { get; init; } = 150.12;
        public double DecDeg { get; init; } = 2.21;
        public decimal? CpuLimit { get; init; }
    }

    private static EstimateBasis Basis(CliContext context, StackSource source, ParseResult parse)
    {
        var file = source.Resolve(parse, context.WorkingDirectory);
        if (file is null)
            return new EstimateBasis("the seed's example job", EstimateInput.Defaults, Defaults.ScratchHeadroom, Defaults.IngestHeadroom,
                e => Sizing.Of(e, Defaults.ScratchHeadroom, Defaults.IngestHeadroom, Defaults.RunsToHold), Checked: null);

        var env = context.Check(file);
        var spec = env.Spec;
        return new EstimateBasis(
            $"stack {spec.Stack}",
            EstimateInput.For(spec.Workflow),
            spec.Scratch.Headroom,
            spec.Ingestor.Persistence.Headroom,
            // A changed run is sized by the stack's rules (explicit sizes, the runs it holds); their
            // warnings were the stack's to give, and validate gives them.
            e => Sizing.For(spec, e, new Problems()),
            env.Sizing)
        {
            // A stack's calibration is a name in its own project's calibrations/.
            Calibration = spec.Workflow.Calibration is { } name
                ? CalibrationLibrary.AtProjectRoot(StackLocator.FromDirectory(Path.GetDirectoryName(file)!).Root).PathOf(name)
                : null,
            RaDeg = spec.Workflow.Simulation.PhaseCenterRaDeg,
            DecDeg = spec.Workflow.Simulation.PhaseCenterDecDeg,
            CpuLimit = spec.Workflow.Resources.LimitsCpu.Value,
            Environment = env,
        };
    }

    /// <summary>
    /// A calibration by name (in calibrations/ at the project root) or by path (anything with a
    /// directory separator or a .yaml ending); a missing or broken one is a usage error naming the flag.
    /// </summary>
    private static Calibration? LoadCalibration(CliContext context, string? nameOrPath)
    {
        if (nameOrPath is null) return null;
        if (nameOrPath.Contains('/') || nameOrPath.Contains('\\') || nameOrPath.EndsWith(".yaml", StringComparison.Ordinal) || nameOrPath.EndsWith(".yml", StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(nameOrPath, context.WorkingDirectory);
            return CalibrationFile.Read(path, out var error) ?? throw new UsageException($"--calibration: {context.Display(path)}: {error}");
        }
        var library = CalibrationLibrary.AtProjectRoot(StackLocator.FromDirectory(context.WorkingDirectory).Root);
        return library.Load(nameOrPath, out var loadError) ?? throw new UsageException($"--calibration: {loadError}");
    }

    private static ProductSelection ParseProducts(string list)
    {
        var names = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var selection = ProductSelection.TryParse(names, out var error)
            ?? throw new UsageException($"--products: {error}");
        if (selection.IsEmpty) throw new UsageException("--products: name at least one of visibility, dirty, cleaned");
        return selection;
    }

    /// <summary>
    /// Each flag was checked by its setting's rule as it was parsed; what is left is the band, whose
    /// rule spans three values (some perhaps from the stack), worded with the flags.
    /// </summary>
    private static void CheckInput(EstimateInput input)
    {
        if (Band.Check(input.StartFreqHz, input.EndFreqHz, input.FreqIncHz, setting => setting.Flag!) is { } band)
            throw new UsageException($"{band.Setting.Flag}: {band.Reason}");
    }
}
