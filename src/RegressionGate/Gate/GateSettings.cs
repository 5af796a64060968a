using RegressionGate.Answers;
using RegressionGate.Judging;
using RegressionGate.Llm;
using RegressionGate.Retrieval;
using RegressionGate.Snapshots;

namespace RegressionGate.Gate;

/// <summary>
/// Everything <c>gate.json</c> decides, one section per stage: how to retrieve, how to judge, how to reach the model,
/// and how much change the gate tolerates. Each section's type belongs to its stage and reads itself;
/// <see cref="GateSettingsReader"/> reads the file.
/// </summary>
public sealed record GateSettings
{
    /// <summary>The <c>retriever</c> section.</summary>
    public RetrieverSettings Retriever { get; init; } = new();

    /// <summary>The <c>judge</c> section.</summary>
    public JudgeSettings Judge { get; init; } = new();

    /// <summary>The <c>answers</c> section: which answers the metrics grade.</summary>
    public AnswersSettings Answers { get; init; } = new();

    /// <summary>The <c>llm</c> section.</summary>
    public LlmSettings Llm { get; init; } = new();

    /// <summary>The <c>labels</c> section.</summary>
    public LabelThresholds Labels { get; init; } = new();

    /// <summary>The <c>tolerances</c> section.</summary>
    public Tolerances Tolerances { get; init; } = new();

    /// <summary>The <c>floors</c> section.</summary>
    public Floors Floors { get; init; } = new();
}
