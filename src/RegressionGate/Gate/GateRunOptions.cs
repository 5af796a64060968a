using RegressionGate.Answers;
using RegressionGate.Environments;
using RegressionGate.Llm;

namespace RegressionGate.Gate;

/// <summary>How one run departs from <c>gate.json</c> (the command line's overrides) and where it reads its environment.</summary>
public sealed record GateRunOptions
{
    /// <summary><c>--llm</c>: replay, record, refresh or live; null keeps <c>llm.mode</c>.</summary>
    public RecordingMode? LlmMode { get; init; }

    /// <summary><c>--judge</c>: answer-relevance or similarity; null keeps <c>judge.kind</c>.</summary>
    public string? JudgeKind { get; init; }

    /// <summary><c>--answers</c>: golden, generate or endpoint; null keeps <c>answers.source</c>.</summary>
    public AnswerSource? Answers { get; init; }

    /// <summary><c>--parallel</c>: judge calls in flight; null keeps <c>llm.parallel</c>.</summary>
    public int? Parallel { get; init; }

    /// <summary>
    /// <c>--no-write</c>: compare with the verified snapshots and report, but write nothing into the golden directory:
    /// no received or verified snapshot, no stale received file removed, no recording (a recording mode that saves
    /// recordings is refused before anything runs). For trying a change before deciding on it.
    /// </summary>
    public bool NoWrite { get; init; }

    /// <summary>
    /// <c>--batch</c>: make the model calls of a record or refresh run through the Batch API (one file of requests, results
    /// as recordings), resuming a batch an interrupted run submitted.
    /// </summary>
    public bool Batch { get; init; }

    /// <summary>LLM configuration, CI detection and auto-approval are read from here, never straight from the process.</summary>
    public IEnvironmentVariables Environment { get; init; } = EnvironmentVariables.Process;

    /// <summary>Receives how far the long parts of the run are (embedding, retrieving, judging); none when null.</summary>
    public IProgress<GateProgress>? Progress { get; init; }

    /// <summary>
    /// Problems that do not stop the run, such as a damaged embedding cache that is ignored and rebuilt. Standard error
    /// (<c>warning: …</c>) when null.
    /// </summary>
    public Action<string>? Warning { get; init; }

    /// <summary>What a long run is doing, in a line each (a batch submitted, resumed or collected). Standard error when null.</summary>
    public Action<string>? Notice { get; init; }
}
