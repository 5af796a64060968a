namespace RegressionGate.Cli;

/// <summary>The exit codes scripts and CI rely on (DESIGN §7).</summary>
internal static class ExitCodes
{
    public const int Passed = 0;
    public const int GateFailed = 1;
    public const int BadInput = 2;
    /// <summary>Interrupted (Ctrl+C): what finished is kept, nothing half-written.</summary>
    public const int Interrupted = 130;
}
