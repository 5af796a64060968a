namespace RegressionGate.Records;

/// <summary>How imported data names the record it came from: by file name only, so the text is the same on every clone.</summary>
internal static class RecordProvenance
{
    public static string Of(string recordPath) => $"imported from record {Path.GetFileName(recordPath)}";
}
