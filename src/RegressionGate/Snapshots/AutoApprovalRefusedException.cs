namespace RegressionGate.Snapshots;

/// <summary>
/// Auto-approval was asked for where <c>CI</c> is set. A usage error of the whole run, raised before anything is
/// compared or written, so it reads as one line instead of a failure per snapshot.
/// </summary>
public sealed class AutoApprovalRefusedException() : InvalidOperationException(AutoApproval.RefusalMessage);
