using System.Text.Json;
using RegressionGate.Files;

namespace RegressionGate.Golden;

/// <summary>Reads <c>gate.json</c>. Every field is optional and has a default; unknown or ill-typed fields are errors with their line.</summary>
public static class SettingsReader
{
    public static GateSettings Read(string path, string displayName)
    {
        if (!File.Exists(path)) return new GateSettings();
        var bytes = File.ReadAllBytes(path);
        var utf8 = bytes.AsSpan();
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) utf8 = utf8[3..];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
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
            return Read(new JsonFields(document.RootElement, displayName, map.LineOf));
        }
    }

    static GateSettings Read(JsonFields root)
    {
        root.RejectUnknown("$schema", "retriever", "judge", "llm", "labels", "tolerances", "floors");
        return new GateSettings
        {
            Retriever = ReadRetriever(root.Object("retriever")),
            Judge = ReadJudge(root.Object("judge")),
            Llm = ReadLlm(root.Object("llm")),
            Labels = ReadLabels(root.Object("labels")),
            Tolerances = ReadTolerances(root.Object("tolerances")),
            Floors = ReadFloors(root.Object("floors")),
        };
    }

    static RetrieverSettings ReadRetriever(JsonFields f)
    {
        f.RejectUnknown("kind", "model", "k", "queryPrefix", "passagePrefix", "maxTokens", "runFile", "bm25", "fusion");
        var defaults = new RetrieverSettings();
        var bm25 = f.Object("bm25");
        bm25.RejectUnknown("analyzer", "k1", "b");
        var fusion = f.Object("fusion");
        fusion.RejectUnknown("denseWeight", "lexicalWeight", "rrfK", "depth");
        return new RetrieverSettings
        {
            Kind = f.OneOf("kind", RetrieverKinds.All, defaults.Kind),
            Model = f.OptionalString("model", allowEmpty: false) ?? defaults.Model,
            K = f.OptionalInt("k", defaults.K, 1, 1000),
            QueryPrefix = f.OptionalString("queryPrefix") ?? defaults.QueryPrefix,
            PassagePrefix = f.OptionalString("passagePrefix") ?? defaults.PassagePrefix,
            MaxTokens = f.OptionalInt("maxTokens", defaults.MaxTokens, 8, 8192),
            RunFile = f.OptionalString("runFile", allowEmpty: false) ?? defaults.RunFile,
            Bm25 = new Bm25Settings
            {
                Analyzer = bm25.OneOf("analyzer", ["brazilian", "portuguese"], defaults.Bm25.Analyzer),
                K1 = bm25.OptionalDouble("k1", defaults.Bm25.K1, 0, 10),
                B = bm25.OptionalDouble("b", defaults.Bm25.B, 0, 1),
            },
            Fusion = new FusionSettings
            {
                DenseWeight = fusion.OptionalDouble("denseWeight", defaults.Fusion.DenseWeight, 0, 1000),
                LexicalWeight = fusion.OptionalDouble("lexicalWeight", defaults.Fusion.LexicalWeight, 0, 1000),
                RrfK = fusion.OptionalInt("rrfK", defaults.Fusion.RrfK, 0, 100_000),
                Depth = fusion.OptionalInt("depth", defaults.Fusion.Depth, 1, 100_000),
            },
        };
    }

    static JudgeSettings ReadJudge(JsonFields f)
    {
        f.RejectUnknown("kind", "model", "repeats", "similarityThresholds");
        var defaults = new JudgeSettings();
        var thresholds = f.OptionalDoubleList("similarityThresholds") ?? defaults.SimilarityThresholds;
        if (thresholds.Count != 3 || thresholds[0] > thresholds[1] || thresholds[1] > thresholds[2])
            throw f.Error("similarityThresholds", "must be three ascending cosines: the minimum for scores 1, 2 and 3");
        return new JudgeSettings
        {
            Kind = f.OneOf("kind", JudgeKinds.All, defaults.Kind),
            Model = f.OptionalString("model", allowEmpty: false),
            Repeats = f.OptionalInt("repeats", defaults.Repeats, 1, 25),
            SimilarityThresholds = thresholds,
        };
    }

    static LlmSettings ReadLlm(JsonFields f)
    {
        f.RejectUnknown("mode", "parallel");
        var defaults = new LlmSettings();
        return new LlmSettings
        {
            Mode = f.OneOf("mode", LlmModes.All, defaults.Mode),
            Parallel = f.OptionalInt("parallel", defaults.Parallel, 1, 256),
        };
    }

    static LabelThresholds ReadLabels(JsonFields f)
    {
        f.RejectUnknown("correct", "partial");
        var defaults = new LabelThresholds();
        var labels = new LabelThresholds
        {
            Correct = f.OptionalDouble("correct", defaults.Correct, 0, 1),
            Partial = f.OptionalDouble("partial", defaults.Partial, 0, 1),
        };
        if (labels.Partial > labels.Correct) throw f.Error("partial", "must not be above 'correct'");
        return labels;
    }

    static Tolerances ReadTolerances(JsonFields f)
    {
        f.RejectUnknown("rboP", "rboMin", "score", "arScore", "recall", "mrr", "ndcg", "accuracy", "kappa");
        var d = new Tolerances();
        var rboP = f.OptionalDouble("rboP", d.RboP, 0, 1);
        if (rboP is <= 0 or >= 1) throw f.Error("rboP", "must be strictly between 0 and 1");
        return new Tolerances
        {
            RboP = rboP,
            RboMin = f.OptionalDouble("rboMin", d.RboMin, 0, 1),
            Score = f.OptionalDouble("score", d.Score, 0, 2),
            ArScore = f.OptionalDouble("arScore", d.ArScore, 0, 1),
            Recall = f.OptionalDouble("recall", d.Recall, 0, 1),
            Mrr = f.OptionalDouble("mrr", d.Mrr, 0, 1),
            Ndcg = f.OptionalDouble("ndcg", d.Ndcg, 0, 1),
            Accuracy = f.OptionalDouble("accuracy", d.Accuracy, 0, 1),
            Kappa = f.OptionalDouble("kappa", d.Kappa, 0, 2),
        };
    }

    static Floors ReadFloors(JsonFields f)
    {
        f.RejectUnknown("recall", "mrr", "ndcg", "accuracy", "kappa");
        var d = new Floors();
        return new Floors
        {
            Recall = f.OptionalDouble("recall", d.Recall, 0, 1),
            Mrr = f.OptionalDouble("mrr", d.Mrr, 0, 1),
            Ndcg = f.OptionalDouble("ndcg", d.Ndcg, 0, 1),
            Accuracy = f.OptionalDouble("accuracy", d.Accuracy, 0, 1),
            Kappa = f.OptionalDouble("kappa", d.Kappa, -1, 1),
        };
    }
}
