using Moci.Cli;

return MociCli.Run(args, CliContext.FromConsole());
