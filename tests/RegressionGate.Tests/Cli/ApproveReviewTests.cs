using RegressionGate.Cli;
using RegressionGate.Environments;
using RegressionGate.Retrieval;
using RegressionGate.Snapshots;
using RegressionGate.Tests.Support;

namespace RegressionGate.Tests.Cli;

/// <summary>
/// <c>approve --review</c> and <c>--diff</c>: in process with scripted keys for the decisions, and in a real terminal
/// (tmux) for what a person sees and types.
/// </summary>
public sealed class ApproveReviewTests : IDisposable
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>
    /// A small golden set with three received snapshots waiting: the summary (recall 0.80 → 0.70), question 105's
    /// ranking (its relevant segment 1009 left the top 5) and q-gd's (two segments swapped).
    /// </summary>
    string Arrange()
    {
        var golden = TinyGolden.Write(temp);
        var store = SnapshotStore.InGolden(golden);
        var identity = new RetrieverIdentity([new("kind", "dense"), new("model", "bundled:all-MiniLM-L6-v2"), new("k", "5")]);
        RetrievalSnapshot Ranking(string id, params string[] ids) => new(id, id == "105"
            ? "Qual é o objetivo da camada de pooling em uma rede neural?"
            : "Como funciona o gradiente descendente na regressão linear?", identity,
            ids.Select((s, i) => new RankedSegment(i + 1, s, 0.8 - 0.05 * i)).ToList());
        store.Write(SnapshotKinds.Retrieval, store.VerifiedPath("retrieval", "105"), Ranking("105", "1009", "1008", "7743", "3027", "7744"));
        store.Write(SnapshotKinds.Retrieval, store.ReceivedPath("retrieval", "105"), Ranking("105", "1008", "7743", "3027", "7744", "1600"));
        store.Write(SnapshotKinds.Retrieval, store.VerifiedPath("retrieval", "q-gd"), Ranking("q-gd", "1100", "1101", "3027", "1600", "7744"));
        store.Write(SnapshotKinds.Retrieval, store.ReceivedPath("retrieval", "q-gd"), Ranking("q-gd", "1101", "1100", "3027", "1600", "7744"));
        store.Write(SnapshotKinds.Summary, store.VerifiedPath("summary", "gate"), new SummarySnapshot(new RetrievalQuality(5, 3, 0.8, 0.7, 0.65), null, null));
        store.Write(SnapshotKinds.Summary, store.ReceivedPath("summary", "gate"), new SummarySnapshot(new RetrievalQuality(5, 3, 0.7, 0.6, 0.6), null, null));
        return golden;
    }

    static async Task<CliRun.Outcome> Review(string keys, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, EnvironmentVariables.From(environment ?? new Dictionary<string, string>()), Interactive: false,
            Keys: new ScriptedKeys(keys));
        var code = await CliApp.RunAsync(args, console);
        return new CliRun.Outcome(code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Review_shows_the_summary_first_then_each_ranking_and_does_what_each_key_says()
    {
        var golden = Arrange();
        var store = SnapshotStore.InGolden(golden);
        var verified105 = File.ReadAllBytes(store.VerifiedPath("retrieval", "105"));
        var receivedSummary = File.ReadAllBytes(store.ReceivedPath("summary", "gate"));

        var outcome = await Review("ars", null, "approve", "--golden", golden, "--review");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var text = outcome.Out;
        Assert.True(text.IndexOf("[1/3] summary/gate", StringComparison.Ordinal) < text.IndexOf("[2/3] retrieval/105", StringComparison.Ordinal), text);
        Assert.Contains("  recall@5     0.8000 → 0.7000    -0.1000", text);
        Assert.Contains("relevant segment 1009 ★ left the top 5 (was rank 1)", text);
        Assert.Contains("     1  1009 ★ 0.8000 left  1008 ★ 0.8000", text);
        Assert.Contains("segment 1600 entered at rank 5", text);
        // a: the summary is approved; r: 105's received file goes and its verified file stays; s: q-gd waits.
        Assert.Equal(receivedSummary, File.ReadAllBytes(store.VerifiedPath("summary", "gate")));
        Assert.False(File.Exists(store.ReceivedPath("retrieval", "105")));
        Assert.Equal(verified105, File.ReadAllBytes(store.VerifiedPath("retrieval", "105")));
        Assert.True(File.Exists(store.ReceivedPath("retrieval", "q-gd")));
        Assert.Contains("retrieval/105: rejected: received file deleted, verified file kept", text);
        Assert.EndsWith("reviewed 3 of 3: accepted 1, rejected 1, skipped 1\n", text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Quitting_leaves_the_rest_for_later_and_other_keys_ask_again()
    {
        var golden = Arrange();
        var before = SampleGolden.Fingerprint(golden);

        var outcome = await Review("xq", null, "approve", "--golden", golden, "--review");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(2, CountOf(outcome.Out, ApprovalReview.Prompt));
        Assert.Contains("reviewed 0 of 3: accepted 0, rejected 0, skipped 0; 3 left for later", outcome.Out);
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
    }

    [Theory]
    [InlineData("--review")]
    [InlineData("--diff")]
    public async Task In_CI_review_and_diff_refuse_with_exit_2_and_change_nothing(string option)
    {
        var golden = Arrange();
        var before = SampleGolden.Fingerprint(golden);

        var outcome = await Review("aaa", new Dictionary<string, string> { ["CI"] = "true" }, "approve", "--golden", golden, option);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("CI is set", outcome.Error);
        Assert.Empty(outcome.Out);
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
    }

    [Fact]
    public async Task Review_without_a_terminal_to_read_keys_from_says_so_with_exit_2()
    {
        var golden = Arrange();

        var outcome = await CliRun.RunAsync("approve", "--golden", golden, "--review");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--review needs a terminal", outcome.Error);
    }

    [SkippableFact]
    public void At_a_real_terminal_review_waits_for_each_key_and_shows_what_it_did()
    {
        Skip.IfNot(TmuxTerminal.Available(), TmuxTerminal.MissingReason);
        var golden = Arrange();
        var store = SnapshotStore.InGolden(golden);

        using var terminal = new TmuxTerminal([DotnetHost(), CliAssembly(), "approve", "--golden", golden, "--review"], temp.Path,
            new Dictionary<string, string?> { [AutoApproval.Variable] = null });

        terminal.WaitFor("[1/3] summary/gate", Patience);
        terminal.WaitFor(ApprovalReview.Prompt, Patience);
        Assert.True(File.Exists(store.ReceivedPath("summary", "gate")), "nothing is approved before a key is pressed");
        terminal.Send("a");
        var screen = terminal.WaitFor("[2/3] retrieval/105", Patience);
        Assert.Contains("summary/gate: replaced:", screen);
        Assert.False(File.Exists(store.ReceivedPath("summary", "gate")));
        terminal.WaitFor(ApprovalReview.Prompt, Patience, times: 2);
        terminal.Send("r");
        screen = terminal.WaitFor("[3/3] retrieval/q-gd", Patience);
        Assert.Contains("relevant segment 1009 ★ left the top 5 (was rank 1)", screen);
        Assert.Contains("retrieval/105: rejected", screen);
        terminal.WaitFor(ApprovalReview.Prompt, Patience, times: 3);
        terminal.Send("s");
        screen = terminal.WaitFor(TmuxTerminal.ExitedPrefix, Patience);

        Assert.Contains("reviewed 3 of 3: accepted 1, rejected 1, skipped 1", screen);
        Assert.Contains(TmuxTerminal.ExitedPrefix + "0]", screen);
        Assert.False(File.Exists(store.ReceivedPath("retrieval", "105")));
        Assert.True(File.Exists(store.ReceivedPath("retrieval", "q-gd")));
    }

    [SkippableFact]
    public void At_a_real_terminal_d_opens_the_users_diff_tool_on_the_received_and_verified_pair()
    {
        Skip.IfNot(TmuxTerminal.Available(), TmuxTerminal.MissingReason);
        Skip.If(OperatingSystem.IsWindows(), "the stand-in diff tool is a shell script");
        var golden = Arrange();
        var store = SnapshotStore.InGolden(golden);
        // A stand-in for Meld, found on PATH as DiffEngine finds the real one: it notes what it was asked to compare.
        var tools = temp.Combine("tools");
        var opened = temp.Combine("meld-was-opened-with.txt");
        temp.Write("tools/meld", $"#!/bin/sh\nprintf '%s\\n' \"$@\" > '{opened}.part' && mv '{opened}.part' '{opened}'\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Path.Combine(tools, "meld"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        using var terminal = new TmuxTerminal(
            [DotnetHost(), CliAssembly(), "approve", "--golden", golden, "--review", "--diff", "--stage", "retrieval", "--question", "105"], temp.Path,
            new Dictionary<string, string?>
            {
                ["PATH"] = $"{tools}:{Environment.GetEnvironmentVariable("PATH")}",
                ["DiffEngine_ToolOrder"] = "Meld",
                [AutoApproval.Variable] = null,
                // DiffEngine disables itself on build servers it recognises; this terminal is a person's.
                ["GITHUB_ACTIONS"] = null,
                ["GITHUB_ACTION"] = null,
                ["TF_BUILD"] = null,
            });

        terminal.WaitFor(ApprovalReview.Prompt + ", diff (d)", Patience);
        terminal.Send("d");
        var screen = terminal.WaitFor("retrieval/105: opened in a diff tool", Patience);
        WaitForFile(opened);
        Assert.Equal([store.ReceivedPath("retrieval", "105"), store.VerifiedPath("retrieval", "105")],
            File.ReadAllLines(opened).Where(line => line.EndsWith(".json", StringComparison.Ordinal)));
        terminal.Send("q");
        screen = terminal.WaitFor(TmuxTerminal.ExitedPrefix, Patience);
        Assert.Contains("1 left for later", screen);
        Assert.True(File.Exists(store.ReceivedPath("retrieval", "105")), "opening a diff approves nothing");
    }

    /// <summary>Waits for the stand-in diff tool, a process of its own, to have written its file (renamed into place whole).</summary>
    static void WaitForFile(string path)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            Assert.True(deadline.Elapsed < Patience, $"the diff tool was not started within {Patience.TotalSeconds:0} s");
            Thread.Sleep(50); // polling for the file the other process writes
        }
    }

    static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    static string CliAssembly() => Path.Combine(AppContext.BaseDirectory, "regression-gate.dll");

    static int CountOf(string text, string what) =>
        text.Split(what).Length - 1;

    /// <summary>Keys typed from a script, one character at a time; then no more input.</summary>
    internal sealed class ScriptedKeys(string keys) : IKeyInput
    {
        int next;

        public char? Read() => next < keys.Length ? keys[next++] : null;
    }
}
