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
        var stations = Flags.WholeNumber("--stations", "Stations in the array (AA* has 144); baselines are N(N-1)/2", "N");
        var start = Flags.Number("--start-freq-hz", "Start of the band, Hz", "F");
        var end = Flags.Number("--end-freq-hz", "End of the band, Hz", "F");
        var inc = Flags.Number("--freq-inc-hz", "Channel width, Hz; channels = floor((end - start) / inc)", "F");
        var timeSteps = Flags.WholeNumber("--time-steps", "Number of time dumps (NUM_TIME_STAMPS)", "T");
        var npixel = Flags.WholeNumber("--npixel", "Image side in pixels (IMAGING_NPIXEL)", "N");
        var products = new Option<string?>("--products") { Description = "Products to ingest: a non-empty subset of visibility,dirty,cleaned", HelpName = "LIST" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the table" };

        var command = new Command("estimate",
            "Estimate what one run writes to scratch and to the ingest area, and the volume requests that follow. " +
            "Starts from --stack/--config-file, or the seed's example job without either; flags override.");
        source.AddTo(command);
        foreach (var o in new Option[] { stations, start, end, inc, timeSteps, npixel, products, json }) command.Options.Add(o);

        command.SetAction((parse, cancellation) =>
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
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private sealed record EstimateBasis(string Description, EstimateInput Input, double ScratchHeadroom, double IngestHeadroom, int RunsToHold);

    private static EstimateBasis Basis(CliContext context, StackSource source, ParseResult parse)
    {
        var file = source.Resolve(parse, context.WorkingDirectory);
        if (file is null)
            return new EstimateBasis("the seed's example job", EstimateInput.SeedExample, Defaults.ScratchHeadroom, Defaults.IngestHeadroom, Defaults.RunsToHold);

        var env = context.Check(file);
        var spec = env.Spec;
        return new EstimateBasis(
            $"stack {spec.Stack}",
            Core.Validation.Sizing.InputFor(spec.Workflow.Simulation, spec.Workflow.Products),
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

    /// <summary>The same limits the config applies, named by flag (a stack's own values were checked already).</summary>
    private static void CheckInput(EstimateInput input)
    {
        if (input.Stations < 2) throw new UsageException($"--stations: must be at least 2 (got {input.Stations})");
        if (input.TimeSteps < 1) throw new UsageException($"--time-steps: must be at least 1 (got {input.TimeSteps})");
        if (input.ImagingNpixel < 1) throw new UsageException($"--npixel: must be at least 1 (got {input.ImagingNpixel})");
        if (!(input.StartFreqHz > 0) || double.IsInfinity(input.StartFreqHz))
            throw new UsageException($"--start-freq-hz: must be greater than 0 (got {input.StartFreqHz})");
        if (!(input.FreqIncHz > 0) || double.IsInfinity(input.FreqIncHz))
            throw new UsageException($"--freq-inc-hz: must be greater than 0 (got {input.FreqIncHz})");
        if (double.IsInfinity(input.EndFreqHz))
            throw new UsageException($"--end-freq-hz: must be a finite frequency (got {input.EndFreqHz})");
        // The same rules the config applies to srcnet:workflow.simulation, named by flag.
        if (Band.Check(input.StartFreqHz, input.EndFreqHz, input.FreqIncHz, "--start-freq-hz", "--end-freq-hz") is { } band)
            throw new UsageException($"{(band.Field == BandField.EndFreq ? "--end-freq-hz" : "--freq-inc-hz")}: {band.Message}");
    }
}
