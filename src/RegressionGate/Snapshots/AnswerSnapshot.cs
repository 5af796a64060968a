using RegressionGate.Answers;

namespace RegressionGate.Snapshots;

/// <summary>
/// One question's answer under test as verified, for answers the run produces (generated, or the team's endpoint):
/// where it came from, the answer, the ids of the segments it was given, and the ids it cites.
/// </summary>
public sealed record AnswerSnapshot(string QuestionId, AnswerIdentity Source, string Answer, IReadOnlyList<string> Context, IReadOnlyList<string> References);
