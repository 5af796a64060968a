using System.Text.Json;
using RegressionGate.Answers;
using RegressionGate.Files;
using RegressionGate.Judging;
using RegressionGate.Judging.Metrics;
using RegressionGate.Llm;
using RegressionGate.Retrieval;
using RegressionGate.Snapshots;

namespace RegressionGate.Gate;

/// <summary>
/// Reads <c>gate.json</c>: parses the file, then hands each section to the reader of its stage's settings. Every field
/// is optional and has a default; unknown or ill-typed fields are errors naming the file, line and field.
/// </summary>
internal static class GateSettingsReader
{
    /// <summary>
    /// The settings in <paramref name="path"/>, or every default when the file does not exist.
    /// <paramref name="displayName"/> is how errors name the file; <c>retriever.kind</c> and <c>judge.kind</c> must name
    /// one of <paramref name="retrievers"/> and <paramref name="judges"/>, and <c>judge.metrics</c> only metrics of
    /// <paramref name="metrics"/> (the built-in ones when null).
    /// </summary>
    public static GateSettings Read(string path, string displayName, RetrieverRegistry? retrievers = null, JudgeRegistry? judges = null,
        MetricRegistry? metrics = null)
    {
        if (!File.Exists(path)) return new GateSettings();
        var utf8 = Utf8(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InputFileException(displayName, (int?)e.LineNumber + 1, null,
                $"malformed JSON at column {(e.BytePositionInLine ?? 0) + 1}: {JsonLines.FirstSentence(e.Message)}");
        }
        using (document)
        {
            var map = JsonLineMap.Build(utf8);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new InputFileException(displayName, 1, null, "expected a JSON object");
            if (JsonDuplicates.Find(document.RootElement) is { } duplicate)
            {
                var at = map.LinesOf(duplicate);
                throw at.Count >= 2
                    ? new InputFileException(displayName, at[1], duplicate, $"is given twice (first on line {at[0]}); which one holds is anyone's guess")
                    : new InputFileException(displayName, map.LineOf(duplicate), duplicate, JsonDuplicates.Problem);
            }
            return Read(new JsonFields(document.RootElement, displayName, map.LineOf), retrievers ?? RetrieverRegistry.BuiltIn,
                judges ?? JudgeRegistry.BuiltIn, metrics ?? MetricRegistry.BuiltIn);
        }
    }

    /// <summary>The line of <paramref name="field"/> (or of its nearest enclosing field) in the settings file, for faults found after reading; null without a file.</summary>
    public static int? LineOf(string path, string field) => Map(path)?.LineOf(field);

    /// <summary>Whether the settings file gives <paramref name="field"/> itself, rather than leaving it to its default.</summary>
    public static bool Gives(string path, string field) => Map(path)?.LinesOf(field).Count > 0;

    static JsonLineMap? Map(string path) => File.Exists(path) ? JsonLineMap.Build(Utf8(path)) : null;

    /// <summary>The file's bytes without a byte order mark.</summary>
    static byte[] Utf8(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
    }

    internal static GateSettings Read(JsonFields root, RetrieverRegistry retrievers, JudgeRegistry judges, MetricRegistry metrics)
    {
        root.RejectUnknown("$schema", "retriever", "answers", "judge", "llm", "labels", "tolerances", "floors");
        return new GateSettings
        {
            Retriever = RetrieverSettings.Read(root.Object("retriever"), retrievers),
            Answers = AnswersSettings.Read(root.Object("answers")),
            Judge = JudgeSettings.Read(root.Object("judge"), judges.Kinds, metrics),
            Llm = LlmSettings.Read(root.Object("llm")),
            Labels = LabelThresholds.Read(root.Object("labels")),
            Tolerances = Tolerances.Read(root.Object("tolerances")),
            Floors = Floors.Read(root.Object("floors")),
        };
    }
}
