using SrcNetInfra.Cli;

return SrcNet.Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory());
