using RegressionGate.Cli;

return await CliApp.RunAsync(args, CliConsole.FromProcess());
