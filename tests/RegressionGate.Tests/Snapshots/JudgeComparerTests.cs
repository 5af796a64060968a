using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Snapshots;

namespace RegressionGate.Tests.Snapshots;

public sealed class JudgeComparerTests
{
    const string Praise = "Criteria: relevant to the whole PROMPT. Supporting Evidence: it states what pooling is for. Score: 3";

    [Fact]
    public void The_same_judgment_passes()
    {
        Assert.Empty(new JudgeComparer(new Tolerances()).Compare(Samples.Judge(), Samples.Judge()));
    }

    [Fact]
    public void A_flipped_label_reports_score_and_label_and_quotes_both_reasonings()
    {
        var verified = Samples.Judge(score: 3, automated: Label.C, reasoning: Praise);
        var current = Samples.Judge(score: 2, automated: Label.P);

        var message = Assert.Single(new JudgeComparer(new Tolerances()).Compare(verified, current));

        Assert.StartsWith("AR 1.00 → 0.67, label C → P", message);
        Assert.Contains($"verified reasoning: \"{Praise}\"", message);
        Assert.Contains($"current reasoning: \"{Samples.SeedReasoning}\"", message);
        Assert.Contains("people said C", message);
    }

    [Fact]
    public void A_score_moved_beyond_tolerance_fails_even_when_the_label_holds()
    {
        var verified = Samples.Judge(score: 2);
        var current = Samples.Judge(score: 1.5);

        var message = Assert.Single(new JudgeComparer(new Tolerances { ArScore = 0.1 }).Compare(verified, current));

        Assert.StartsWith("AR 0.67 → 0.50, label P unchanged (AR tolerance 0.1)", message);
    }

    [Fact]
    public void A_score_moved_within_tolerance_passes()
    {
        Assert.Empty(new JudgeComparer(new Tolerances { ArScore = 0.2 }).Compare(Samples.Judge(score: 2), Samples.Judge(score: 1.5)));
    }

    [Fact]
    public void A_reworded_reasoning_with_the_same_score_passes()
    {
        Assert.Empty(new JudgeComparer(new Tolerances()).Compare(Samples.Judge(), Samples.Judge(reasoning: "Score: 2")));
    }

    [Fact]
    public void A_changed_judge_is_named_alongside_the_regression()
    {
        var current = Samples.Judge(score: 1, automated: Label.I) with
        {
            Judge = new JudgeIdentity([new("kind", "answer-relevance"), new("model", "gpt-4o-mini"), new("promptVersion", "ar-v2"), new("repeats", "1")]),
        };
        var message = Assert.Single(new JudgeComparer(new Tolerances()).Compare(Samples.Judge(), current));
        Assert.Contains("judge changed: promptVersion 'ar-v1' → 'ar-v2'", message);
    }
}
