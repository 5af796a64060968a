using System.Reflection;

namespace RegressionGate.Llm;

/// <summary>
/// Where a recording came from, as ordered name/value pairs beginning with <c>source</c>: <c>recorded</c> (a real
/// model answered), <c>authored</c> (a person wrote the response, e.g. for the sample golden set) or <c>imported</c>
/// (taken from an evaluation record).
/// </summary>
internal sealed class RecordingProvenance
{
    public const string RecordedSource = "recorded";
    public const string AuthoredSource = "authored";
    public const string ImportedSource = "imported";
    public const string Tool = "regression-gate";

    public RecordingProvenance(IEnumerable<KeyValuePair<string, string>> fields)
    {
        Fields = fields.ToList();
        if (Fields.Count == 0 || Fields[0].Key != "source" || string.IsNullOrWhiteSpace(Fields[0].Value))
            throw new ArgumentException("provenance starts with a non-empty 'source'", nameof(fields));
    }

    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

    public string Source => Fields[0].Value;

    public bool IsAuthored => Source == AuthoredSource;

    public string? this[string name] => Fields.FirstOrDefault(f => f.Key == name).Value;

    /// <summary>The field naming the Batch API batch a recording's answer came from.</summary>
    public const string BatchField = "batch";

    /// <summary>A model's real answer, saved by this tool (talking to <paramref name="provider"/>, where known).</summary>
    public static RecordingProvenance Recorded(LlmProvider? provider = null)
    {
        List<KeyValuePair<string, string>> fields = [new("source", RecordedSource), new("tool", Tool), new("toolVersion", ToolVersion)];
        if (provider is { } p) fields.Add(new("provider", p == LlmProvider.AzureOpenAI ? "azure-openai" : "openai-compatible"));
        return new(fields);
    }

    /// <summary>This provenance, saying the answer came through the Batch API in batch <paramref name="batchId"/>.</summary>
    public RecordingProvenance InBatch(string batchId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(batchId);
        return new([.. Fields.Where(f => f.Key != BatchField), new(BatchField, batchId)]);
    }

    /// <summary>A response a person wrote; <paramref name="note"/> says who, why, or for what.</summary>
    public static RecordingProvenance Authored(string note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        return new([new("source", AuthoredSource), new("note", note), new("tool", Tool)]);
    }

    /// <summary>A judgment taken from a team's evaluation record by <c>regression-gate import</c>; <paramref name="record"/> names the file.</summary>
    public static RecordingProvenance Imported(string record)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(record);
        return new([new("source", ImportedSource), new("record", record), new("tool", Tool)]);
    }

    internal static string ToolVersion { get; } =
        typeof(RecordingProvenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
