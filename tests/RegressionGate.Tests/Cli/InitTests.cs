using System.Text.Json;
using System.Text.Json.Nodes;
using RegressionGate.Cli.Init;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Retrieval;
using RegressionGate.Tests.Records;

namespace RegressionGate.Tests.Cli;

public sealed class InitTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    static string Settings(GateSettings settings) => JsonSerializer.Serialize(settings);

    [Fact]
    public async Task Init_writes_every_setting_and_each_value_is_what_leaving_it_out_means()
    {
        var outcome = await CliRun.RunAsync("init", temp.Combine("golden"));

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var written = temp.Combine("golden", GoldenSet.SettingsFile);
        var empty = temp.Write("empty.json", "{}");
        Assert.Equal(Settings(GateSettingsReader.Read(empty, "empty.json")), Settings(GateSettingsReader.Read(written, "gate.json")));
        // Every section and field the reader knows is spelled out, not just accepted.
        var json = JsonNode.Parse(File.ReadAllText(written))!.AsObject();
        Assert.Equal(["retriever", "judge", "answers", "llm", "labels", "tolerances", "floors"], json.Select(p => p.Key));
        Assert.Equal(["answer-relevance"], json["judge"]!["metrics"]!.AsArray().Select(m => (string)m!));
        Assert.Equal("golden", (string)json["answers"]!["source"]!);
        Assert.Equal(["analyzer", "k1", "b"], json["retriever"]!["bm25"]!.AsObject().Select(p => p.Key));
        Assert.Equal(0.9, (double)json["tolerances"]!["rboMin"]!);
        Assert.Equal("", File.ReadAllText(temp.Combine("golden", GoldenSet.CorpusFile)));
        Assert.Equal("", File.ReadAllText(temp.Combine("golden", GoldenSet.QuestionsFile)));
    }

    [Fact]
    public async Task Import_works_right_after_init_and_suggests_gating_the_recorded_rankings()
    {
        var golden = temp.Combine("golden");
        Assert.Equal(0, (await CliRun.RunAsync("init", golden)).ExitCode);

        var outcome = await CliRun.RunAsync("import", Seed.Path, "--golden", golden);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("questions: 1 added", outcome.Out);
        Assert.Contains("segments: 10 added", outcome.Out);
        Assert.Contains("\"retriever\": { \"kind\": \"run-file\" }", outcome.Out);
        // A fresh gate.json names no judge model, so the judgment waits, saying how to bring it in.
        Assert.Contains("judge recordings: 0 added, 0 updated, 0 unchanged, 1 skipped", outcome.Out);
        Assert.Contains("import the records again with --judge-model NAME (which sets it)", outcome.Out);
        Assert.Equal("105", GoldenSetLoader.Load(golden).Questions.Single().Id);
    }

    [Fact]
    public async Task Init_with_a_judge_model_then_importing_the_seed_runs_with_no_edit_and_passes_once_approved()
    {
        var golden = temp.Combine("golden");
        var init = await CliRun.RunAsync("init", golden, "--judge-model", "gpt-4o-mini");
        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.Equal("gpt-4o-mini", GateSettingsReader.Read(Path.Combine(golden, GoldenSet.SettingsFile), "gate.json").Judge.Model);

        var import = await CliRun.RunAsync("import", Seed.Path, "--golden", golden);
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("judge recordings: 1 added, 0 updated, 0 unchanged\n", import.Out);

        // Nothing to configure: the only failures of the first run are the snapshots nobody has approved yet.
        var first = await CliRun.RunAsync("run", "--golden", golden, "--out", temp.Combine("out"));
        Assert.True(first.ExitCode == 1, first.ToString());
        Assert.Equal("", first.Error);
        Assert.Contains("no verified snapshot to compare with: 1 question (retrieval, judgment): 105", first.Out);
        Assert.DoesNotContain("judge.model", first.Out);
        // The seed's own judgment replays: Score 2 → AR 0.67 → P, where people said C.
        var approve = await CliRun.RunAsync("approve", "--golden", golden);
        Assert.True(approve.ExitCode == 0, approve.ToString());
        Assert.Contains("judge/105: created: new: AR 0.67, label P (people said C)", approve.Out);

        var second = await CliRun.RunAsync("run", "--golden", golden, "--out", temp.Combine("out"));
        Assert.True(second.ExitCode == 0, second.ToString());
    }

    [Fact]
    public async Task Import_with_a_judge_model_sets_it_in_a_gate_json_that_names_none_and_changes_nothing_else()
    {
        var golden = temp.Combine("golden");
        Assert.Equal(0, (await CliRun.RunAsync("init", golden)).ExitCode);
        var settings = Path.Combine(golden, GoldenSet.SettingsFile);
        var before = File.ReadAllText(settings);
        Assert.Contains("\"model\": null,", before);

        var outcome = await CliRun.RunAsync("import", Seed.Path, "--golden", golden, "--judge-model", "gpt-4o-mini");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(before.Replace("\"model\": null,", "\"model\": \"gpt-4o-mini\",", StringComparison.Ordinal), File.ReadAllText(settings));
        Assert.Contains("judge recordings: 1 added, 0 updated, 0 unchanged\n", outcome.Out);
        Assert.Contains("judge.model: set to 'gpt-4o-mini' in gate.json", outcome.Out);
        Assert.DoesNotContain("skipped", outcome.Out);

        // Again with the same model: gate.json names it now, so nothing is set or written.
        var again = await CliRun.RunAsync("import", Seed.Path, "--golden", golden, "--judge-model", "gpt-4o-mini");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.DoesNotContain("judge.model: set", again.Out);
        Assert.Contains("judge recordings: 0 added, 0 updated, 1 unchanged\n", again.Out);
    }

    [Fact]
    public async Task Import_with_another_judge_model_than_gate_json_names_is_refused_in_one_line_and_writes_nothing()
    {
        var golden = temp.Combine("golden");
        Assert.Equal(0, (await CliRun.RunAsync("init", golden, "--judge-model", "gpt-4o-mini")).ExitCode);
        var before = SampleGolden.Fingerprint(golden);

        var outcome = await CliRun.RunAsync("import", Seed.Path, "--golden", golden, "--judge-model", "gpt-4.1");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Out);
        var line = Assert.Single(outcome.Error.TrimEnd().Split('\n'));
        Assert.Matches(@"^error: .*gate\.json:\d+: field 'judge\.model': names 'gpt-4o-mini', but --judge-model says 'gpt-4\.1'", line);
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
    }

    [Theory]
    [InlineData("init")]
    [InlineData("import")]
    public async Task The_help_of_init_and_import_says_what_judge_model_does(string command)
    {
        var outcome = await CliRun.RunAsync(command, "--help");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Matches(@"--judge-model <NAME>\s+The model \(or Azure deployment\)", outcome.Out);
    }

    [Fact]
    public async Task Import_into_a_set_that_already_gates_recorded_rankings_suggests_nothing()
    {
        var golden = temp.Combine("golden");
        Assert.Equal(0, (await CliRun.RunAsync("init", golden)).ExitCode);
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(golden, GoldenSet.SettingsFile)))!;
        settings["retriever"]!["kind"] = RunFileRetriever.Kind;
        settings["judge"]!["model"] = "gpt-4o-mini";
        File.WriteAllText(Path.Combine(golden, GoldenSet.SettingsFile), settings.ToJsonString());

        var outcome = await CliRun.RunAsync("import", Seed.Path, "--golden", golden);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.DoesNotContain("run-file", outcome.Out);
        Assert.Contains("judge recordings: 1 added", outcome.Out);
    }

    [Fact]
    public async Task An_existing_golden_set_is_refused_in_one_line_with_exit_2_and_left_alone()
    {
        var golden = TinyGolden.Write(temp);
        var before = SampleGolden.Fingerprint(temp.Path);

        var outcome = await CliRun.RunAsync("init", golden, "--workflow");

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("error: ", outcome.Error);
        Assert.Single(outcome.Error.TrimEnd().Split('\n'));
        Assert.Contains("init never overwrites", outcome.Error);
        Assert.Equal(before, SampleGolden.Fingerprint(temp.Path));
    }

    [Fact]
    public async Task A_place_that_cannot_be_written_is_one_line_and_exit_2()
    {
        // sysfs: no process may create files there, root included.
        var outcome = await CliRun.RunAsync("init", "/sys/golden");

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("error: /sys/golden/gate.json: cannot be written: ", outcome.Error);
        Assert.Single(outcome.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task The_ignore_lines_are_added_once_beside_the_golden_directory_and_keep_what_was_there()
    {
        temp.Write(".gitignore", "bin/");

        Assert.Equal(0, (await CliRun.RunAsync("init", temp.Combine("golden"))).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("init", temp.Combine("other"))).ExitCode);

        var lines = File.ReadAllLines(temp.Combine(".gitignore"));
        Assert.Equal("bin/", lines[0]);
        Assert.Single(lines, "*.received.json");
        Assert.Single(lines, ".regression-gate-cache/");
    }

    [Fact]
    public async Task The_workflow_and_its_action_go_to_the_repository_root_and_name_the_golden_set_from_there()
    {
        Directory.CreateDirectory(temp.Combine("repo", ".git"));
        var golden = temp.Combine("repo", "quality", "golden");

        var outcome = await CliRun.RunAsync("init", golden, "--workflow");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var workflow = File.ReadAllText(temp.Combine("repo", GoldenSetStarter.WorkflowFile));
        Assert.Contains("golden: quality/golden\n", workflow);
        Assert.Contains("path: quality/.regression-gate-cache\n", workflow);
        Assert.Contains("hashFiles('quality/golden/corpus.jsonl', 'quality/golden/gate.json')", workflow);
        Assert.Contains("out: quality/artifacts/gate\n", workflow);
        Assert.Contains("run: dotnet test --logger GitHubActions\n", workflow);
        Assert.DoesNotContain("__", workflow);
        foreach (var name in GoldenSetStarter.ActionFiles)
        {
            Assert.Equal(File.ReadAllText(Repository.PathOf(Path.Combine(GoldenSetStarter.ActionDirectory, name))),
                File.ReadAllText(temp.Combine("repo", GoldenSetStarter.ActionDirectory, name)));
        }
        if (!OperatingSystem.IsWindows())
            Assert.True(File.GetUnixFileMode(temp.Combine("repo", GoldenSetStarter.ActionDirectory, "gate.sh")).HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public async Task Without_a_tool_manifest_the_workflow_installs_this_version_of_the_tool_and_with_one_it_restores_what_it_pins()
    {
        Directory.CreateDirectory(temp.Combine("global", ".git"));
        Directory.CreateDirectory(temp.Combine("local", ".git"));
        temp.Write("local/.config/dotnet-tools.json",
            """{ "version": 1, "isRoot": true, "tools": { "regressiongate.cli": { "version": "0.1.0-preview.1", "commands": [ "regression-gate" ] } } }""");

        Assert.Equal(0, (await CliRun.RunAsync("init", temp.Combine("global", "golden"), "--workflow")).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("init", temp.Combine("local", "golden"), "--workflow")).ExitCode);

        var version = typeof(GoldenSetStarter).Assembly.GetName().Version!;
        Assert.Matches($"version: \"{version.Major}\\.{version.Minor}\\.{version.Build}-[a-z0-9.]+\"\n", File.ReadAllText(temp.Combine("global", GoldenSetStarter.WorkflowFile)));
        Assert.Contains("version: \"\"\n", File.ReadAllText(temp.Combine("local", GoldenSetStarter.WorkflowFile)));
    }

    [Fact]
    public async Task An_existing_workflow_is_refused_before_anything_is_written()
    {
        Directory.CreateDirectory(temp.Combine(".git"));
        temp.Write(GoldenSetStarter.WorkflowFile, "name: mine\n");
        var before = SampleGolden.Fingerprint(temp.Path);

        var outcome = await CliRun.RunAsync("init", temp.Combine("golden"), "--workflow");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("regression-gate.yml: already exists", outcome.Error);
        Assert.False(Directory.Exists(temp.Combine("golden")));
        Assert.Equal(before, SampleGolden.Fingerprint(temp.Path));
    }
}
