using Microsoft.Extensions.AI;

namespace RegressionGate.Judging.Metrics;

/// <summary>Who grades a metric's units: an LLM with the metric's rubric, or the offline similarity stand-in.</summary>
internal abstract record JudgeBackend;

/// <summary>An LLM reached through <paramref name="Client"/> (usually the recording client), asked <paramref name="Repeats"/> times per unit.</summary>
/// <param name="Model">The model or deployment the recording keys name; part of every judge identity.</param>
internal sealed record LlmBackend(IChatClient Client, string Model, int Repeats) : JudgeBackend;

/// <summary>Cosine similarity of embeddings mapped to 0–3 by three ascending <paramref name="Thresholds"/>; no LLM.</summary>
/// <param name="Embed">Embeds a query (first) and passages (the rest); calls are serialised by the judge.</param>
/// <param name="Embedder">Names the embedding model, for the identity.</param>
internal sealed record SimilarityBackend(Func<IReadOnlyList<string>, float[][]> Embed, string Embedder, IReadOnlyList<double> Thresholds) : JudgeBackend;

/// <summary>
/// An extension's judge of whole answers (<see cref="IAnswerJudge"/>): it can grade a labelled metric (answer relevance)
/// and nothing else, since it knows no rubric for segments or statements.
/// </summary>
internal sealed record AnswerJudgeBackend(IAnswerJudge Judge) : JudgeBackend;
