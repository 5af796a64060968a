namespace RegressionGate.Golden;

/// <summary>One reference under an answer, printed as the Markdown link <c>- [Text](Url)</c>.</summary>
internal sealed record RecordReference(string Text, string Url);
