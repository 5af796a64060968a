using RegressionGate.Golden;

namespace RegressionGate.Records;

/// <summary>One retrieved segment as a record prints it; <see cref="Url"/> is the text shown, "oculto" when hidden.</summary>
internal sealed record RecordSegment(string CorpusId, double Score, string Url, TimeCode Start, TimeCode End, string Transcript);
