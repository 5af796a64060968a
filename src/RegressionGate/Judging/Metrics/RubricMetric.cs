using System.Globalization;
using Microsoft.Extensions.AI;
using RegressionGate.Files;
using RegressionGate.Golden;
using RegressionGate.ModelCalls;

namespace RegressionGate.Judging.Metrics;

/// <summary>
/// A metric an LLM grades with a versioned rubric, one call per unit, answering <c>Criteria / Supporting Evidence /
/// Score</c> on 0–<see cref="MaxScore"/>; normalised score = score / max. Each request carries the prompt version and
/// the repeat, which the recording key covers and the model never sees.
/// </summary>
public abstract class RubricMetric : JudgeMetric
{
    /// <summary>
    /// Part of every recording key and judge identity. Change it whenever a word of the rubric changes, so old
    /// recordings stop replaying for a prompt they were not made with.
    /// </summary>
    public abstract string PromptVersion { get; }

    /// <summary>The highest score the rubric allows.</summary>
    public virtual int MaxScore => 3;

    /// <summary>Parts scored below this normalised score are flagged (groundedness: unsupported); null flags nothing.</summary>
    public virtual double? FlagBelow => null;

    /// <summary>The units of <paramref name="subject"/> to grade, one call (per repeat) each, in order.</summary>
    public abstract IReadOnlyList<MetricUnit> Units(MetricSubject subject);

    /// <summary>The rubric and the filled-in user message for one unit.</summary>
    public abstract IReadOnlyList<ChatMessage> Messages(MetricSubject subject, MetricUnit unit);

    /// <summary>
    /// For the offline similarity judge: the text to compare (first) and the texts to compare it with; the unit's
    /// score comes from the highest cosine.
    /// </summary>
    public abstract (string Query, IReadOnlyList<string> Passages) SimilarityTexts(MetricSubject subject, MetricUnit unit);

    /// <summary>Reads the score from the judge's output: strict about content, forgiving about form.</summary>
    internal ScoreReading Parse(string output) => JudgeOutputParser.Parse(output, MaxScore);

    /// <summary>This metric's own settings that change its verdict, appended to the judge identity.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    /// <summary>Exactly what the judge sends for repeat <paramref name="repeat"/> (1-based) of one unit: tooling uses it to compute keys or author recordings.</summary>
    internal JudgeRequest Request(MetricSubject subject, MetricUnit unit, int repeat = 1)
    {
        if (repeat < 1) throw new ArgumentOutOfRangeException(nameof(repeat), repeat, "repeats count from 1");
        var options = new ChatOptions
        {
            Temperature = 0,
            AdditionalProperties = new()
            {
                [ModelRequestProperties.PromptVersion] = PromptVersion,
                [ModelRequestProperties.Repeat] = repeat,
            },
        };
        return new JudgeRequest(Messages(subject, unit), options);
    }

    /// <summary>The identity of an LLM judge of this metric: kind (the metric), model, prompt version, temperature, repeats, own settings.</summary>
    internal JudgeIdentity Identity(string model, int repeats) => new([
        new(JudgeIdentity.KindProperty, Name),
        new(JudgeIdentity.ModelProperty, model),
        new("promptVersion", PromptVersion),
        new("temperature", "0"),
        new("repeats", repeats.ToString(CultureInfo.InvariantCulture)),
        .. Settings,
    ]);

    /// <inheritdoc/>
    internal override IMetricJudge CreateJudge(JudgeBackend backend, LabelThresholds labels) => backend switch
    {
        LlmBackend llm => new LlmMetricJudge(this, llm.Client, llm.Model, llm.Repeats, labels),
        SimilarityBackend similarity => new SimilarityJudge(similarity.Embed, similarity.Embedder, similarity.Thresholds, labels, this),
        AnswerJudgeBackend answers when Labelled => new AnswerJudgeAdapter(this, answers.Judge),
        AnswerJudgeBackend answers => throw new InputFileException(GoldenSet.SettingsFile, null, "judge.metrics",
            $"the judge '{answers.Judge.Identity.Kind}' grades whole answers, so it cannot grade {Name}; use judge.kind answer-relevance or similarity for it"),
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, "unknown judge backend"),
    };

    /// <summary>The normalised score of <paramref name="score"/> and whether it is flagged.</summary>
    internal (double Normalised, bool Flagged) Normalise(double score)
    {
        var normalised = score / MaxScore;
        return (normalised, FlagBelow is { } below && normalised < below - 1e-9);
    }
}
