using RegressionGate.Gate;

namespace RegressionGate.Cli;

/// <summary>Loads a command's golden set and says, as a warning, what the load noticed but does not stop for.</summary>
static class CliGolden
{
    public static GateInput Load(CliConsole console, string directory)
    {
        var input = GateInput.Load(directory);
        if (input.MissingSettingsWarning is { } warning) console.Warn(warning);
        return input;
    }
}
