using RegressionGate.Environments;

namespace RegressionGate.Snapshots;

/// <summary>
/// Whether the run may write verified snapshots itself: asked for with <c>REGRESSIONGATE_AUTO_APPROVE=1</c> (or
/// <c>true</c>) on a developer's machine, and refused wherever <c>CI</c> is set to anything, because a gate that
/// approves its own changes in CI gates nothing.
/// </summary>
internal sealed record AutoApproval(bool Requested, bool InCi)
{
    public const string Variable = "REGRESSIONGATE_AUTO_APPROVE";
    public const string CiVariable = "CI";

    public static AutoApproval From(IEnvironmentVariables environment)
    {
        var requested = environment.Get(Variable)?.Trim();
        return new AutoApproval(
            requested is "1" || string.Equals(requested, "true", StringComparison.OrdinalIgnoreCase),
            !string.IsNullOrWhiteSpace(environment.Get(CiVariable)));
    }

    /// <summary>Requested and allowed.</summary>
    public bool Allowed => Requested && !InCi;

    /// <summary>Requested where it is not allowed.</summary>
    public bool Refused => Requested && InCi;

    /// <summary>Stops a run that asks for auto-approval in CI, before it does any work.</summary>
    public static void ThrowIfRefused(IEnvironmentVariables environment)
    {
        if (AutoApprovalRefusedException.For(environment) is { } refused) throw refused;
    }

    public static string RefusalMessage =>
        $"{Variable} is set, but so is {CiVariable}: snapshots are never approved automatically in CI. " +
        $"Unset {Variable} in the CI environment, and approve locally with `{ToolCommand.Current.With("approve")}`.";
}
