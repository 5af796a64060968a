using System.Globalization;
using RegressionGate.Files;
using RegressionGate.Golden;
using RegressionGate.Snapshots;

namespace RegressionGate.Tests.Snapshots;

public sealed class SnapshotApproverTests : IDisposable
{
    readonly TempDirectory temp = new();
    readonly SnapshotStore store;

    public SnapshotApproverTests() => store = new SnapshotStore(Path.Combine(temp.Path, "snapshots"));

    public void Dispose() => temp.Dispose();

    /// <summary>The golden set's questions: what a received file may be about.</summary>
    static readonly string[] Questions = ["105", "106"];

    SnapshotApprover Approver() => new(store, new Tolerances(), Questions);

    static readonly RetrievalSnapshot Moved = Samples.Retrieval("7744", "3247", "6694", "3334", "7699", "7742", "3027", "3246", "7682", "7743");

    /// <summary>A changed retrieval, a new one, a flipped judgment and a dropped summary metric, all waiting as received.</summary>
    void ArrangeReceived()
    {
        store.Write(SnapshotKinds.Retrieval, store.VerifiedPath("retrieval", "105"), Samples.Retrieval());
        store.Write(SnapshotKinds.Retrieval, store.ReceivedPath("retrieval", "105"), Moved);
        store.Write(SnapshotKinds.Retrieval, store.ReceivedPath("retrieval", "106"), Samples.Retrieval() with { QuestionId = "106" });
        store.Write(SnapshotKinds.Judge, store.VerifiedPath("judge", "105"), Samples.Judge(score: 3, automated: Label.C));
        store.Write(SnapshotKinds.Judge, store.ReceivedPath("judge", "105"), Samples.Judge(score: 2, automated: Label.P));
        store.Write(SnapshotKinds.Summary, store.VerifiedPath("summary", "gate"), Samples.Summary(recall: 0.8));
        store.Write(SnapshotKinds.Summary, store.ReceivedPath("summary", "gate"), Samples.Summary(recall: 0.7));
    }

    /// <summary>Every file under the store with its exact bytes, to show that nothing changed.</summary>
    List<string> Files() => Directory.EnumerateFiles(store.Root, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(path => $"{Path.GetRelativePath(store.Root, path)} {Convert.ToBase64String(File.ReadAllBytes(path))}")
        .ToList();

    [Fact]
    public void Approval_replaces_verified_with_received_and_says_what_changed_per_file()
    {
        ArrangeReceived();
        var received105 = File.ReadAllBytes(store.ReceivedPath("retrieval", "105"));

        var entries = Approver().Approve();

        Assert.Equal(
        [
            "summary/gate: replaced: recall@10 0.8000 → 0.7000 (-0.1000), MRR@10 0.7000 (unchanged), nDCG@10 0.7500 (unchanged), " +
            "accuracy 0.7500 (unchanged), Cohen's kappa 0.6000 (unchanged), linear weighted kappa 0.6500 (unchanged), " +
            "quadratic weighted kappa 0.7000 (unchanged)",
            $"retrieval/105: replaced: RBO {Rbo(Moved).ToString("0.00", CultureInfo.InvariantCulture)}, 3027 1 → 7, 6 shifted, largest score move 0.0600 (3027)",
            "retrieval/106: created: new: 10 segments, top 3027 (0.8500)",
            "judge/105: replaced: label C → P, AR 1.00 → 0.67",
        ], entries.Select(e => e.ToString()));
        Assert.All(entries, e => Assert.True(e.Applied));
        Assert.Equal(received105, File.ReadAllBytes(store.VerifiedPath("retrieval", "105")));
        Assert.Empty(store.ReceivedFiles());
        Assert.Equal(SnapshotKinds.Summary.Write(Samples.Summary(recall: 0.7)), File.ReadAllText(store.VerifiedPath("summary", "gate")));
    }

    [Fact]
    public void A_dry_run_reports_the_same_and_changes_nothing()
    {
        ArrangeReceived();
        var before = Files();

        var entries = Approver().Approve(new ApprovalOptions { DryRun = true });

        Assert.Equal(4, entries.Count);
        Assert.All(entries, e => Assert.False(e.Applied));
        Assert.StartsWith("summary/gate: would replace: recall@10 0.8000 → 0.7000 (-0.1000), MRR@10 0.7000 (unchanged)", entries[0].ToString());
        Assert.Equal("judge/105: would replace: label C → P, AR 1.00 → 0.67", entries[3].ToString());
        Assert.Equal("retrieval/106: would create: new: 10 segments, top 3027 (0.8500)", entries[2].ToString());
        Assert.Equal(before, Files());
    }

    [Fact]
    public void Approval_can_be_limited_to_a_stage_or_one_question()
    {
        ArrangeReceived();
        var approver = Approver();

        var judged = approver.Approve(new ApprovalOptions { Stage = "judge" });
        Assert.Equal(["judge/105"], judged.Select(e => $"{e.Stage}/{e.Name}"));

        var one = approver.Approve(new ApprovalOptions { Stage = "retrieval", Name = "106" });
        Assert.Equal(["retrieval/106"], one.Select(e => $"{e.Stage}/{e.Name}"));
        Assert.True(File.Exists(store.ReceivedPath("retrieval", "105")));
        Assert.True(File.Exists(store.ReceivedPath("summary", "gate")));
    }

    [Fact]
    public void A_corrupt_received_file_is_refused_and_the_verified_file_stays_intact()
    {
        var verified = store.VerifiedPath("judge", "105");
        var received = store.ReceivedPath("judge", "105");
        store.Write(SnapshotKinds.Judge, verified, Samples.Judge());
        var verifiedBytes = File.ReadAllBytes(verified);
        var corrupt = SnapshotKinds.Judge.Write(Samples.Judge()).Replace("\"automated\": \"P\"", "\"automated\": \"maybe\"");
        AtomicFile.WriteAllText(received, corrupt);

        var entry = Assert.Single(Approver().Approve());

        Assert.Equal(ApprovalAction.Refused, entry.Action);
        Assert.False(entry.Applied);
        Assert.Contains("field 'automated'", entry.Description);
        Assert.Equal(verifiedBytes, File.ReadAllBytes(verified));
        Assert.Equal(corrupt, File.ReadAllText(received));
    }

    [Fact]
    public void When_the_replacement_fails_the_verified_file_is_intact_and_the_received_file_kept()
    {
        ArrangeReceived();
        var before = Files();
        var approver = new SnapshotApprover(store, new Tolerances(), Questions, (_, _) => throw new IOException("disk full"));

        var entries = approver.Approve(new ApprovalOptions { Stage = "summary" });

        var entry = Assert.Single(entries);
        Assert.Equal(ApprovalAction.Refused, entry.Action);
        Assert.Contains("disk full", entry.Description);
        Assert.Contains("the verified file is unchanged and the received file kept", entry.Description);
        Assert.Equal(before, Files());
    }

    [Fact]
    public void A_verified_path_the_file_system_will_not_replace_is_reported_and_nothing_is_lost()
    {
        var received = store.ReceivedPath("retrieval", "105");
        store.Write(SnapshotKinds.Retrieval, received, Samples.Retrieval());
        var blocker = store.VerifiedPath("retrieval", "105");
        Directory.CreateDirectory(blocker);
        File.WriteAllText(Path.Combine(blocker, "keep.txt"), "something a person put here");

        var entry = Assert.Single(Approver().Approve());

        Assert.Equal(ApprovalAction.Refused, entry.Action);
        Assert.True(File.Exists(received));
        Assert.Equal("something a person put here", File.ReadAllText(Path.Combine(blocker, "keep.txt")));
    }

    [Fact]
    public void Stray_atomic_write_temp_files_are_ignored()
    {
        var received = store.ReceivedPath("retrieval", "105");
        store.Write(SnapshotKinds.Retrieval, received, Samples.Retrieval());
        var stray = Path.Combine(Path.GetDirectoryName(received)!, $".105.received.json.0123456789abcdef{AtomicFile.TempSuffix}");
        File.WriteAllText(stray, "half a snap");

        var entry = Assert.Single(Approver().Approve());

        Assert.Equal("105", entry.Name);
        Assert.True(File.Exists(stray));
    }

    [Fact]
    public void An_unreadable_verified_file_is_replaced_and_said_so()
    {
        var verified = store.VerifiedPath("retrieval", "105");
        Directory.CreateDirectory(Path.GetDirectoryName(verified)!);
        File.WriteAllText(verified, "not json");
        store.Write(SnapshotKinds.Retrieval, store.ReceivedPath("retrieval", "105"), Samples.Retrieval());

        var entry = Assert.Single(Approver().Approve());

        Assert.Equal(ApprovalAction.Replaced, entry.Action);
        Assert.StartsWith("replaces an unreadable verified snapshot", entry.Description);
        Assert.Equal(SnapshotKinds.Retrieval.Write(Samples.Retrieval()), File.ReadAllText(verified));
    }

    [Fact]
    public void A_received_file_that_names_another_question_than_its_file_is_refused_and_nothing_changes()
    {
        store.Write(SnapshotKinds.Retrieval, store.VerifiedPath("retrieval", "106"), Samples.Retrieval() with { QuestionId = "106" });
        store.Write(SnapshotKinds.Retrieval, store.ReceivedPath("retrieval", "106"), Samples.Retrieval());
        var before = Files();

        var entry = Assert.Single(Approver().Approve());

        Assert.Equal("retrieval/106: refused: the received snapshot is about question 105, but its file is named for question 106; nothing changed",
            entry.ToString());
        Assert.Equal(before, Files());
    }

    [Fact]
    public void A_received_file_for_a_question_not_in_the_golden_set_is_refused()
    {
        store.Write(SnapshotKinds.Judge, store.ReceivedPath("judge", "999"), Samples.Judge() with { QuestionId = "999" });

        var entry = Assert.Single(Approver().Approve());

        Assert.Equal("judge/999: refused: question 999 is not in the golden set (removed from questions.jsonl?); nothing changed", entry.ToString());
        Assert.False(File.Exists(store.VerifiedPath("judge", "999")));
    }

    static double Rbo(RetrievalSnapshot current) =>
        RankBiasedOverlap.Extrapolated(Samples.SeedIds, current.Ranking.Select(s => s.Id).ToList(), new Tolerances().RboP);
}
