namespace RegressionGate.Snapshots;

/// <summary>What approving one received snapshot does.</summary>
public enum ApprovalAction
{
    /// <summary>Becomes a verified snapshot where there was none.</summary>
    Created,
    /// <summary>Replaces the verified snapshot.</summary>
    Replaced,
    /// <summary>Not approved (invalid, or the verified file could not be replaced); both files are as they were.</summary>
    Refused,
}
