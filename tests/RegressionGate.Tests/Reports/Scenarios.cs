using RegressionGate.Answers;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.ModelCalls;

namespace RegressionGate.Tests.Reports;

/// <summary>Gate results the report tests share: one that fails in every way a run can, and a very large one.</summary>
internal static class Scenarios
{
    public const string MovedReason = "segment 3027 fell from rank 1 to 7; 4411 entered at rank 3";
    public const string CurrentReasoning = "Criteria: the whole PROMPT.\nSupporting Evidence: it explains Max pooling only.\nScore: 2";
    public const string VerifiedReasoning = "Criteria: the whole PROMPT.\nSupporting Evidence: it explains pooling fully.\nScore: 3";

    /// <summary>
    /// Five questions: 105 retrieval moved; 201 judgment flipped C → P (a disagreement with people's C); 202 judge
    /// failure; 203 passes but people said I where the judge says C; 204 has no answer and no baseline. The summary
    /// baseline had recall 0.95 (now 0.875: 105 lost s2), and the aggregates check failed.
    /// </summary>
    public static GateResult FailingRun(string goldenDirectory) => new GateResultBuilder(goldenDirectory)
        .Question("105", q =>
        {
            q.Text = "Qual é o objetivo da camada de pooling em uma rede neural?";
            q.Ranking = GateResultBuilder.Ranking("s3", "s1", "s11", "s4", "s5", "s6", "s7", "s8", "s9", "s12");
            q.RetrievalFailures.Add("rank-biased overlap 0.7000 is below the minimum 0.9 (p = 0.9)");
            q.RetrievalFailures.Add("segment 3027 fell from rank 1 to 7");
            q.RetrievalFailures.Add("segment 4411 entered at rank 3");
        })
        .Question("201", q =>
        {
            q.Judge(2, CurrentReasoning).WasJudged(3, VerifiedReasoning);
            q.JudgmentFailures.Add(
                $"AR 1.00 → 0.67, label C → P (AR tolerance 0); people said C\n  verified reasoning: \"{VerifiedReasoning}\"\n  current reasoning: \"{CurrentReasoning}\"");
        })
        .Question("202", q => q.Judged = new JudgeFailure(JudgeFailureKind.MissingRecording,
            "no recording for this request; run `regression-gate run --llm record`", RecordingKey: "ab12cd34"))
        .Question("203", q =>
        {
            q.Manual = Label.I;
            q.Answer = "Resposta com <b id=\"injected\">marcação</b> | barra & [link](https://example.org/x) e `código`";
            q.Judge(3, "Criteria: all.\n# not a heading\n- not a list\n1. not numbered\nScore: 3 <script>alert(1)</script>");
        })
        .Question("204", q =>
        {
            q.Answer = null;
            q.Manual = null;
            q.Judged = null;
            q.BaselineRanking = null;
            q.Relevant = [];
        })
        .SummaryBaseline(current => current with { Retrieval = current.Retrieval! with { Recall = 0.95 } })
        .SummaryFailure("recall@10: baseline 0.9500, current 0.8750, Δ -0.0750 exceeds tolerance 0.05")
        .Recordings(("authored", 2), ("imported", 1), ("recorded", 1))
        .Build();

    /// <summary>
    /// <paramref name="count"/> questions, every one failing retrieval and judgment with long quoted reasonings, every
    /// third one also a disagreement: the worst case for the Markdown's size.
    /// </summary>
    public static GateResult Large(string goldenDirectory, int count, int reasoningChars)
    {
        var builder = new GateResultBuilder(goldenDirectory);
        var reasoning = LongReasoning(reasoningChars);
        for (var i = 0; i < count; i++)
        {
            var index = i;
            builder.Question($"q{index:0000}", q =>
            {
                q.Text = $"Pergunta {index}: por que a rede neural convolucional usa camadas de pooling entre as convoluções?";
                q.Answer = string.Concat(Enumerable.Repeat("O pooling reduz a resolução e agrega a informação espacial. ", 20));
                q.Manual = index % 3 == 0 ? Label.C : Label.P;
                q.Ranking = GateResultBuilder.Ranking("s3", "s1", "s12", "s4", "s5", "s6", "s7", "s8", "s9", "s2");
                q.RetrievalFailures.Add("rank-biased overlap 0.6512 is below the minimum 0.9 (p = 0.9)");
                q.RetrievalFailures.Add("segment s1 fell from rank 1 to 2");
                q.RetrievalFailures.Add("segment s3 rose from rank 3 to 1");
                q.RetrievalFailures.Add("segment s12 entered at rank 3");
                q.RetrievalFailures.Add("segment s10 dropped out (was rank 10)");
                q.Judge(2, reasoning).WasJudged(3, reasoning.Replace("Score: 2", "Score: 3", StringComparison.Ordinal));
                q.JudgmentFailures.Add($"AR 1.00 → 0.67, label C → P (AR tolerance 0); people said {q.Manual}\n  verified reasoning: \"{reasoning}\"\n  current reasoning: \"{reasoning}\"");
            });
        }
        return builder.Build();
    }

    /// <summary>A judge reasoning of about <paramref name="chars"/> characters, in the judge's three parts, ending in Score: 2.</summary>
    public static string LongReasoning(int chars)
    {
        const string sentence = "The RESPONSE discusses Max pooling and Global Average pooling, which reduce resolution, but not the general objective. ";
        var evidence = string.Concat(Enumerable.Repeat(sentence, Math.Max(1, chars / sentence.Length)));
        return $"Criteria: The RESPONSE must be relevant to the entire PROMPT.\nSupporting Evidence: {evidence}\nScore: 2";
    }

    public const string UnsupportedStatement = "A camada de pooling dobra o número de filtros da rede.";
    public const string MalformedGroundedness = "Criteria: support.\nSupporting Evidence: the sources say so.\nScore: high";

    /// <summary>
    /// Segment s2 edited: question 105's ranking loses it, so its retrieval fails and its mean context relevance falls
    /// with it (the metric downstream of the ranking).
    /// </summary>
    public static GateResult EditedSegmentFailsContextRelevance(string goldenDirectory) => new GateResultBuilder(goldenDirectory).WithTriad()
        .EditSegment("s2", "receita de bolo de cenoura")
        .Question("105", q =>
        {
            q.Ranking = GateResultBuilder.Ranking("s1", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11");
            q.RetrievalFailures.Add("rank-biased overlap 0.8 is below the minimum 0.9");
            q.ContextBaseline = 0.5;
            q.ContextFailures.Add("mean context relevance 0.5000 → 0.3000");
        })
        .Build();

    /// <summary>
    /// The triad with generated answers: 105's context relevance fell (0.47 → 0.30) and one of its statements is
    /// unsupported; 201's generated answer changed; 202's groundedness judge answered without a valid score; 203 has no
    /// recording for its generated answer; 204 has no answer, so only context relevance grades it.
    /// </summary>
    public static GateResult TriadRun(string goldenDirectory) => new GateResultBuilder(goldenDirectory)
        .WithTriad()
        .Generated()
        .Question("105", q =>
        {
            q.Text = "Qual é o objetivo da camada de pooling em uma rede neural?";
            q.Answer = $"O pooling reduz a resolução espacial dos mapas de características [1]. {UnsupportedStatement}";
            q.ContextScores = [3, 2, 0, 0, 0, 0, 0, 1, 1, 2];
            q.ContextBaseline = 14.0 / 30;
            q.ContextFailures.Add("CR 0.47 → 0.30 (tolerance 0)\nsegment s3 0.67 → 0.00");
            q.GroundedScores = [3, 1];
            q.GroundedBaseline = 1;
            q.GroundedFailures.Add("G 1.00 → 0.67 (tolerance 0)\nstatement «A camada de pooling dobra o número de filtros da rede.» 1.00 → 0.33 (unsupported)");
            q.AnswerBaseline = q.Answer;
        })
        .Question("201", q =>
        {
            q.AnswerBaseline = "O pooling reduz a dimensionalidade [2].";
            q.AnswerFailures.Add("answer changed\n  verified answer: \"O pooling reduz a dimensionalidade [2].\"\n  current answer: \"" + q.Answer + "\"");
        })
        .Question("202", q => q.GroundednessFailure = new JudgeFailure(JudgeFailureKind.UnreadableScore,
            "statement s1 «O pooling reduz a resolução espacial dos mapas de características.»: the judge's score 'high' is not a number", MalformedGroundedness))
        .Question("203", q =>
        {
            q.Judged = null;
            q.AnswerFailure = new AnswerFailure(ModelCallFailure.MissingRecording,
                "generated answer (the question or its top 10 changed since the answer was recorded): no recording for this request", RecordingKey: "feed01");
        })
        .Question("204", q =>
        {
            q.Answer = null;
            q.Manual = null;
            q.Judged = null;
        })
        .Build();

    /// <summary>A result whose summary baseline is missing and whose judge never ran: nothing to compare, little to chart.</summary>
    public static GateResult NothingToCompare(string goldenDirectory) => new GateResultBuilder(goldenDirectory)
        .Question("1", q => q.BaselineRanking = null)
        .Question("2", q => q.BaselineRanking = null)
        .WithoutJudge()
        .SummaryBaseline(_ => null)
        .Build();
}
