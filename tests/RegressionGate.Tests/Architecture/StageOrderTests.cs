namespace RegressionGate.Tests.Architecture;

/// <summary>
/// The library's folders in the order data flows, and the rule that keeps extensions in one room: a stage uses only
/// the stages before it and the shared folders; a shared folder uses no stage.
/// </summary>
public sealed class StageOrderTests
{
    /// <summary>Golden → Retrieval → Judging → Llm → Answers → Snapshots → Gate, then Records (import, export) and Reports (which write records).</summary>
    static readonly string[] Stages = ["Golden", "Retrieval", "Judging", "Llm", "Answers", "Snapshots", "Gate", "Records", "Reports"];

    /// <summary>Helpers every stage may use, named for what they are.</summary>
    static readonly string[] Shared = ["Files", "Identities", "Formatting", "Environments", "ModelCalls", "Sharding"];

    static IEnumerable<string> Violations(IReadOnlyList<string> stages) =>
        LibraryDependencies.Edges
            .Where(edge => !Allowed(stages, edge.Key.From, edge.Key.To))
            .Select(edge => $"{edge.Key.From} → {edge.Key.To}: {edge.Value}")
            .Order(StringComparer.Ordinal);

    static bool Allowed(IReadOnlyList<string> stages, string from, string to)
    {
        if (Shared.Contains(from)) return false;
        if (Shared.Contains(to)) return true;
        return stages.ToList().IndexOf(to) < stages.ToList().IndexOf(from);
    }

    [Fact]
    public void No_stage_uses_a_stage_that_comes_after_it_and_no_shared_folder_uses_a_stage()
    {
        Assert.Equal([], Violations(Stages));
    }

    [Fact]
    public void Every_folder_of_the_library_is_a_stage_or_a_shared_folder()
    {
        Assert.Equal([], LibraryDependencies.Folders.Except(Stages).Except(Shared).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_llm_stage_does_not_use_judging()
    {
        Assert.DoesNotContain(("Llm", "Judging"), LibraryDependencies.Edges.Keys);
    }

    [Fact]
    public void The_check_sees_uses_inside_method_bodies_and_would_catch_a_stage_out_of_order()
    {
        // Known uses, including ones that appear only in method bodies (the gate builds its retriever through the registry).
        Assert.Contains(("Gate", "Retrieval"), LibraryDependencies.Edges.Keys);
        Assert.Contains(("Reports", "Records"), LibraryDependencies.Edges.Keys);
        Assert.Contains(("Judging", "ModelCalls"), LibraryDependencies.Edges.Keys);
        // Swapping two stages that depend on each other's order must produce violations.
        Assert.NotEmpty(Violations(["Golden", "Retrieval", "Judging", "Llm", "Answers", "Gate", "Snapshots", "Records", "Reports"]));
        Assert.NotEmpty(Violations(["Golden", "Retrieval", "Judging", "Llm", "Answers", "Snapshots", "Gate", "Reports", "Records"]));
    }
}
