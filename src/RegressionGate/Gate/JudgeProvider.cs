namespace RegressionGate.Gate;

/// <summary>
/// One kind of judge <c>judge.kind</c> and <c>--judge</c> can name: its name, one line of help, and how to open it for a
/// run. Register it in a <see cref="JudgeRegistry"/>.
/// </summary>
/// <param name="Kind">The name <c>gate.json</c> uses, e.g. <c>answer-relevance</c>; also the <c>kind</c> of the judge's identity.</param>
/// <param name="Summary">What the judge does, in a few words, for help text.</param>
/// <param name="Open">Opens the judge; bad settings are an <see cref="Files.InputFileException"/>.</param>
public sealed record JudgeProvider(string Kind, string Summary, Func<JudgeContext, JudgeSession> Open);
