namespace RegressionGate.Cli;

/// <summary>A command line that cannot be carried out as given (a path that cannot hold the output…): one line, exit 2, nothing written.</summary>
sealed class CliUsageException(string message) : Exception(message);
