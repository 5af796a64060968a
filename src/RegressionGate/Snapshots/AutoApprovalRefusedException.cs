using RegressionGate.Environments;

namespace RegressionGate.Snapshots;

/// <summary>
/// Auto-approval was asked for where <c>CI</c> is set. A usage error of the whole run, raised before anything is
/// compared or written, so it reads as one line instead of a failure per snapshot.
/// </summary>
public sealed class AutoApprovalRefusedException() : InvalidOperationException(AutoApproval.RefusalMessage)
{
    /// <summary>The refusal a run under <paramref name="environment"/> would meet, or null when it may run.</summary>
    public static AutoApprovalRefusedException? For(IEnvironmentVariables environment) =>
        AutoApproval.From(environment).Refused ? new AutoApprovalRefusedException() : null;
}
