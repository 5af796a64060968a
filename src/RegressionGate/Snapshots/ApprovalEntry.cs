namespace RegressionGate.Snapshots;

/// <summary>
/// One received snapshot and what approval did with it. <see cref="Applied"/> is false on a dry run and when
/// refused; <see cref="Description"/> says what changes in meaning, or why it was refused.
/// </summary>
public sealed record ApprovalEntry(
    string Stage,
    string Name,
    ApprovalAction Action,
    bool Applied,
    string Description,
    string ReceivedPath,
    string VerifiedPath)
{
    /// <summary>
    /// One line for the command line: <c>retrieval/105: replaced: RBO 0.71, 3027 rank 1 → 7</c>; a description of
    /// several lines (a summary refused for more than one reason) gives one such line each.
    /// </summary>
    public override string ToString()
    {
        var verb = (Action, Applied) switch
        {
            (ApprovalAction.Refused, _) => "refused",
            (ApprovalAction.Created, true) => "created",
            (ApprovalAction.Created, false) => "would create",
            (ApprovalAction.Replaced, true) => "replaced",
            _ => "would replace",
        };
        return string.Join("\n", Description.Split('\n').Select(line => $"{Stage}/{Name}: {verb}: {line}"));
    }
}
