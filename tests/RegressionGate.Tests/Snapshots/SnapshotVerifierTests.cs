using RegressionGate.Environments;
using RegressionGate.Files;
using RegressionGate.Snapshots;

namespace RegressionGate.Tests.Snapshots;

public sealed class SnapshotVerifierTests : IDisposable
{
    static readonly DateTime LongAgo = new(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    readonly TempDirectory temp = new();
    readonly SnapshotStore store;
    readonly RetrievalComparer retrieval = new(new Tolerances());

    public SnapshotVerifierTests() => store = new SnapshotStore(Path.Combine(temp.Path, "snapshots"));

    public void Dispose() => temp.Dispose();

    SnapshotVerifier Verifier(params (string Name, string Value)[] environment) =>
        new(store, EnvironmentVariables.From(environment.ToDictionary(e => e.Name, e => e.Value)));

    string Verified => store.VerifiedPath(SnapshotStages.Retrieval, "105");
    string Received => store.ReceivedPath(SnapshotStages.Retrieval, "105");

    void Approve(RetrievalSnapshot snapshot)
    {
        store.Write(SnapshotKinds.Retrieval, Verified, snapshot);
        File.SetLastWriteTimeUtc(Verified, LongAgo);
    }

    [Fact]
    public void A_missing_verified_snapshot_fails_and_writes_received()
    {
        var result = Verifier().Verify(SnapshotKinds.Retrieval, "105", Samples.Retrieval(), retrieval);

        Assert.False(result.Passed);
        Assert.Equal(VerifyOutcome.Missing, result.Outcome);
        var failure = Assert.Single(result.Failures);
        Assert.StartsWith("no verified snapshot for retrieval '105'", failure);
        Assert.Contains($"run `{ToolCommand.Current.With("approve")}`", failure);
        Assert.False(File.Exists(Verified));
        Assert.Equal(SnapshotKinds.Retrieval.Write(Samples.Retrieval()), File.ReadAllText(Received));
        Assert.Equal(Received, result.ReceivedPath);
    }

    [Fact]
    public void Within_tolerance_the_verified_file_is_left_byte_identical_and_no_received_is_written()
    {
        Approve(Samples.Retrieval());
        var before = File.ReadAllBytes(Verified);
        var nudged = Samples.Retrieval() with { Ranking = Samples.Retrieval().Ranking.Select(s => s with { Score = s.Score + 0.0123456 }).ToList() };

        var result = Verifier().Verify(SnapshotKinds.Retrieval, "105", nudged, retrieval);

        Assert.True(result.Passed, result.ToString());
        Assert.Equal(VerifyOutcome.Matched, result.Outcome);
        Assert.Equal(before, File.ReadAllBytes(Verified));
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(Verified));
        Assert.False(File.Exists(Received));
        Assert.Equal([Verified], Directory.GetFiles(Path.GetDirectoryName(Verified)!));
    }

    [Fact]
    public void A_match_deletes_a_stale_received_file()
    {
        Approve(Samples.Retrieval());
        AtomicFile.WriteAllText(Received, "left over from an earlier failing run");

        Assert.True(Verifier().Verify(SnapshotKinds.Retrieval, "105", Samples.Retrieval(), retrieval).Passed);
        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void A_mismatch_fails_with_the_comparer_messages_writes_received_and_leaves_verified_alone()
    {
        Approve(Samples.Retrieval());
        var before = File.ReadAllBytes(Verified);
        var current = Samples.Retrieval() with { Retriever = Samples.Identity(maxTokens: 256) };

        var result = Verifier().Verify(SnapshotKinds.Retrieval, "105", current, retrieval);

        Assert.False(result.Passed);
        Assert.Equal(VerifyOutcome.Changed, result.Outcome);
        Assert.Equal(["retriever changed: maxTokens '512' → '256'"], result.Failures);
        Assert.Contains(result.Notes, n => n.Contains(ToolCommand.Current.With("approve")));
        Assert.Equal(before, File.ReadAllBytes(Verified));
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(Verified));
        Assert.Equal(SnapshotKinds.Retrieval.Write(current), File.ReadAllText(Received));
    }

    [Fact]
    public void An_unreadable_verified_snapshot_fails_naming_the_problem_and_writes_received()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Verified)!);
        File.WriteAllText(Verified, "{ \"questionId\": ");

        var result = Verifier().Verify(SnapshotKinds.Retrieval, "105", Samples.Retrieval(), retrieval);

        Assert.False(result.Passed);
        Assert.StartsWith("the verified snapshot cannot be read: " + Verified, Assert.Single(result.Failures));
        Assert.True(File.Exists(Received));
    }

    [Fact]
    public void Scores_are_compared_as_stored_so_two_thirds_matches_under_a_zero_tolerance()
    {
        var judgeStore = store.VerifiedPath(SnapshotStages.Judge, "105");
        store.Write(SnapshotKinds.Judge, judgeStore, Samples.Judge(score: 2));

        var result = Verifier().Verify(SnapshotKinds.Judge, "105", Samples.Judge(score: 2), new JudgeComparer(new Tolerances { ArScore = 0 }));

        Assert.True(result.Passed, result.ToString());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    public void Auto_approval_writes_a_new_verified_snapshot_and_passes_with_a_note(string value)
    {
        var result = Verifier((AutoApproval.Variable, value)).Verify(SnapshotKinds.Retrieval, "105", Samples.Retrieval(), retrieval);

        Assert.True(result.Passed, result.ToString());
        Assert.Equal(VerifyOutcome.AutoApproved, result.Outcome);
        Assert.Contains("wrote new verified snapshot", Assert.Single(result.Notes));
        Assert.Equal(SnapshotKinds.Retrieval.Write(Samples.Retrieval()), File.ReadAllText(Verified));
        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void Auto_approval_replaces_a_changed_verified_snapshot_and_says_what_it_accepted()
    {
        Approve(Samples.Retrieval());
        AtomicFile.WriteAllText(Received, "stale");
        var current = Samples.Retrieval() with { Retriever = Samples.Identity(maxTokens: 256) };

        var result = Verifier((AutoApproval.Variable, "1")).Verify(SnapshotKinds.Retrieval, "105", current, retrieval);

        Assert.True(result.Passed);
        Assert.Contains(result.Notes, n => n.Contains("approved: retriever changed: maxTokens '512' → '256'"));
        Assert.Equal(SnapshotKinds.Retrieval.Write(current), File.ReadAllText(Verified));
        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void Auto_approval_where_ci_is_set_is_refused_before_anything_is_compared_or_written()
    {
        var error = Assert.Throws<AutoApprovalRefusedException>(() => Verifier((AutoApproval.Variable, "1"), (AutoApproval.CiVariable, "true")));

        Assert.Equal(AutoApproval.RefusalMessage, error.Message);
        Assert.Contains("never approved automatically in CI", AutoApproval.RefusalMessage);
        Assert.False(File.Exists(Verified));
        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void Auto_approval_set_to_anything_else_is_not_auto_approval()
    {
        var result = Verifier((AutoApproval.Variable, "0")).Verify(SnapshotKinds.Retrieval, "105", Samples.Retrieval(), retrieval);
        Assert.Equal(VerifyOutcome.Missing, result.Outcome);
        Assert.False(File.Exists(Verified));
    }

    [Fact]
    public void A_floor_fails_a_summary_that_matches_its_baseline_without_writing_received()
    {
        var comparer = new SummaryComparer(new Tolerances(), new Floors { Recall = 0.9 });
        var verified = store.VerifiedPath(SnapshotStages.Summary, SnapshotStages.SummaryName);
        store.Write(SnapshotKinds.Summary, verified, Samples.Summary(recall: 0.8));

        var result = Verifier().Verify(SnapshotKinds.Summary, SnapshotStages.SummaryName, Samples.Summary(recall: 0.8), comparer);

        Assert.False(result.Passed);
        Assert.Equal(VerifyOutcome.Matched, result.Outcome);
        Assert.Equal("recall@10: current 0.8000 is below the floor 0.9 (baseline 0.8000, Δ +0.0000)", Assert.Single(result.Failures));
        Assert.False(File.Exists(store.ReceivedPath(SnapshotStages.Summary, SnapshotStages.SummaryName)));
    }

    [Fact]
    public void A_floor_still_fails_after_auto_approval()
    {
        var comparer = new SummaryComparer(new Tolerances(), new Floors { Recall = 0.9 });

        var result = Verifier((AutoApproval.Variable, "1")).Verify(SnapshotKinds.Summary, SnapshotStages.SummaryName, Samples.Summary(recall: 0.8), comparer);

        Assert.Equal(VerifyOutcome.AutoApproved, result.Outcome);
        Assert.False(result.Passed);
        Assert.Equal("recall@10: current 0.8000 is below the floor 0.9 (no baseline)", Assert.Single(result.Failures));
        Assert.True(File.Exists(store.VerifiedPath(SnapshotStages.Summary, SnapshotStages.SummaryName)));
    }

    [Fact]
    public void Auto_approval_leaves_a_baseline_mean_the_run_could_not_measure_where_it_was_and_writes_received()
    {
        var comparer = new SummaryComparer(new Tolerances(), new Floors());
        var verified = store.VerifiedPath(SnapshotStages.Summary, SnapshotStages.SummaryName);
        store.Write(SnapshotKinds.Summary, verified, Samples.Summary() with { Metrics = [new MetricAggregate("groundedness", 3, 0.5)] });
        var before = File.ReadAllBytes(verified);
        var current = Samples.Summary() with { Metrics = [], NotMeasured = [new MetricNotMeasured("groundedness", 3, 3)] };

        var result = Verifier((AutoApproval.Variable, "1")).Verify(SnapshotKinds.Summary, SnapshotStages.SummaryName, current, comparer);

        Assert.False(result.Passed);
        Assert.Equal(VerifyOutcome.Changed, result.Outcome);
        Assert.Equal(before, File.ReadAllBytes(verified));
        Assert.Equal(current.NotMeasured, SnapshotKinds.Summary.ReadFile(store.ReceivedPath(SnapshotStages.Summary, SnapshotStages.SummaryName)).NotMeasured);
        Assert.Contains("mean groundedness: baseline 0.5000, current not measured: no recording of its judge's requests for 3 questions (replay)", result.Failures);
        Assert.Contains(result.Notes, n => n.StartsWith($"{AutoApproval.Variable}: not approved: mean groundedness (baseline 0.5000) could not be measured", StringComparison.Ordinal));
    }
}
