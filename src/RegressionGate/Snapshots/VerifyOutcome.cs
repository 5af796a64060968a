namespace RegressionGate.Snapshots;

/// <summary>What verifying one snapshot found and did.</summary>
internal enum VerifyOutcome
{
    /// <summary>Within tolerance of the verified snapshot, which was left untouched.</summary>
    Matched,
    /// <summary>No verified snapshot yet; the current one was written as received.</summary>
    Missing,
    /// <summary>Beyond tolerance, or the verified snapshot is unreadable; the current one was written as received.</summary>
    Changed,
    /// <summary>New or changed, and written as verified because auto-approval was asked for outside CI.</summary>
    AutoApproved,
}
