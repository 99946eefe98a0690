using System.CommandLine;
using SrcNetInfra.Core.Config;
using SrcNetInfra.Core.Estimation;
using SrcNetInfra.Core.Model;

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
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the table" };

        var command = new Command("estimate",
            "Estimate what one run writes to scratch and to the ingest area, and the volume requests that follow. " +
            "Starts from --stack/--config-file, or the seed's example job without either; flags override.");
        source.AddTo(command);
        foreach (var o in new Option[] { stations, start, end, inc, timeSteps, npixel, products, json }) command.Options.Add(o);

        command.SetAction(parse =>
        {
            var basis = Basis(context, source, parse);
            var input = basis.Input with
            {
                Stations = parse.GetValue(stations) ?? basis.Input.Stations,
                StartFreqHz = parse.GetValue(start) ?? basis.Input.StartFreqHz,
                EndFreqHz = parse.GetValue(end) ?? basis.Input.EndFreqHz,
                FreqIncHz = parse.GetValue(inc) ?? basis.Input.FreqIncHz,
                TimeSteps = parse.GetValue(timeSteps) ?? basis.Input.TimeSteps,
                ImagingNpixel = parse.GetValue(npixel) ?? basis.Input.ImagingNpixel,
                Products = parse.GetValue(products) is { } list ? ParseProducts(list) : basis.Input.Products,
            };
            CheckInput(input);

            EstimateReport report;
            try
            {
                var estimate = Estimator.For(input);
                report = EstimateReport.From(basis.Description, input.Products, estimate, basis.ScratchHeadroom, basis.IngestHeadroom, basis.RunsToHold);
            }
            catch (OverflowException)
            {
                throw new UsageException("the estimate exceeds 8 EiB; check --time-steps, --npixel, --stations and the band against --freq-inc-hz");
            }
            context.Out.Write(parse.GetValue(json) ? report.ToJson() : report.ToTable());
            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed record EstimateBasis(string Description, EstimateInput Input, double ScratchHeadroom, double IngestHeadroom, int RunsToHold);

    private static EstimateBasis Basis(CliContext context, StackSource source, ParseResult parse)
    {
        var file = source.Resolve(parse, context.WorkingDirectory);
        if (file is null)
            return new EstimateBasis("the seed's example job", EstimateInput.Defaults, Defaults.ScratchHeadroom, Defaults.IngestHeadroom, Defaults.RunsToHold);

        var env = context.Check(file);
        var spec = env.Spec;
        return new EstimateBasis(
            $"stack {spec.Stack}",
            EstimateInput.For(spec.Workflow.Simulation, spec.Workflow.Products),
            spec.Scratch.Headroom,
            spec.Ingestor.Persistence.Headroom,
            spec.Ingestor.Persistence.RunsToHold);
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
