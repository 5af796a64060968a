using RegressionGate.Golden;
using RegressionGate.Judging;

namespace RegressionGate.Snapshots;

/// <summary>
/// One answer's judgment as verified. <see cref="Score"/> is the median of <see cref="Repeats"/> on the judge's
/// own scale (0–3 for AR, so it may be 2.5), <see cref="Normalised"/> maps it to 0–1, and <see cref="Automated"/>
/// is the label derived from it. <see cref="Judge"/> holds what makes judgments comparable (kind, model, prompt
/// version, repeats…), like <see cref="Retrieval.RetrieverIdentity"/>. <see cref="AnswerHash"/> is the
/// <see cref="TextHash"/> of the answer that was judged (null in snapshots written before it was kept), so a moved
/// judgment can be told apart from an edited answer.
/// </summary>
public sealed record JudgeSnapshot(
    string QuestionId,
    JudgeIdentity Judge,
    double Score,
    double Normalised,
    Label Automated,
    Label? Manual,
    IReadOnlyList<double> Repeats,
    double Spread,
    bool Flaky,
    string Reasoning,
    string? AnswerHash = null);
