using SrcNetInfra.Cli;

return await SrcNet.RunAsync(args, Console.Out, Console.Error, Directory.GetCurrentDirectory());
