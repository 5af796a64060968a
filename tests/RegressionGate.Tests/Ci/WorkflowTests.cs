using System.Text.RegularExpressions;
using RegressionGate.Reports;
using YamlDotNet.RepresentationModel;

namespace RegressionGate.Tests.Ci;

/// <summary>
/// The pull-request workflow can't run here, so these tests read it and hold it to what it promises: every repository
/// path it names exists, its commands name real projects, and the files it publishes are the ones the gate writes.
/// </summary>
public sealed class WorkflowTests
{
    static readonly string WorkflowPath = Repository.PathOf(".github/workflows/gate.yml");
    static readonly string CommentWorkflowPath = Repository.PathOf(".github/workflows/gate-comment.yml");

    static YamlMappingNode Workflow(string? path = null)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(path ?? WorkflowPath);
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    static IReadOnlyList<YamlMappingNode> CommentSteps() =>
        ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)Workflow(CommentWorkflowPath)["jobs"])["comment"])["steps"]).Children.Cast<YamlMappingNode>().ToList();

    static IEnumerable<string> Keys(YamlNode node) => ((YamlMappingNode)node).Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    static IReadOnlyList<YamlMappingNode> Steps() =>
        ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)Workflow()["jobs"])["gate"])["steps"]).Children.Cast<YamlMappingNode>().ToList();

    static string? Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    static YamlMappingNode Step(string name) => Steps().Single(s => Text(s, "name") == name);

    static string With(YamlMappingNode step, string key) => Text((YamlMappingNode)step["with"], key)!;

    [Fact]
    public void It_runs_on_pull_requests()
    {
        Assert.True(Workflow().Children.ContainsKey(new YamlScalarNode("on")));
        Assert.Contains("pull_request", ((YamlMappingNode)Workflow()["on"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value));
    }

    [Fact]
    public void Restore_build_and_test_name_the_solution_that_exists()
    {
        var commands = Steps().Select(s => Text(s, "run")).OfType<string>().Where(r => r.TrimStart().StartsWith("dotnet ", StringComparison.Ordinal)).ToList();

        Assert.Contains(commands, c => c.StartsWith("dotnet restore", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("dotnet build", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("dotnet test", StringComparison.Ordinal));
        foreach (var command in commands)
        {
            var target = Regex.Match(command, @"^dotnet \w+ (?<target>\S+)").Groups["target"].Value;
            Assert.True(File.Exists(Repository.PathOf(target)), $"'{command}' names {target}, which is not in the repository");
        }
    }

    [Fact]
    public void Tests_collect_coverage_and_write_TRX_results_that_are_published()
    {
        var test = Text(Step("Test (unit tests and the golden gate)"), "run")!;
        Assert.Contains("--collect:\"XPlat Code Coverage\"", test);
        Assert.Contains("--logger \"trx", test);
        var results = Regex.Match(test, @"--results-directory (?<dir>\S+)").Groups["dir"].Value;

        var publish = Step("Publish test results");
        Assert.StartsWith(results + "/", With(publish, "path"));
        Assert.Equal("dotnet-trx", With(publish, "reporter"));
    }

    [Fact]
    public void The_job_summary_is_the_report_the_golden_theories_write()
    {
        var outDirectory = Text((YamlMappingNode)Workflow()["env"], "REGRESSIONGATE_OUT")!.Replace("${{ github.workspace }}/", "", StringComparison.Ordinal);
        var summary = Text(Step("Gate report to the job summary"), "run")!;

        Assert.Contains($"{outDirectory}/{GateReports.MarkdownFile}", summary);
        Assert.Contains("$GITHUB_STEP_SUMMARY", summary);
    }

    [Fact]
    public void Received_snapshots_and_reports_are_uploaded_when_the_gate_fails()
    {
        var upload = Step("Upload received snapshots and the report");
        Assert.Equal("failure()", Text(upload, "if"));
        var paths = With(upload, "path").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Contains("golden/snapshots/**/*.received.json", paths);
        Assert.True(Directory.Exists(Repository.PathOf("golden/snapshots")));
        Assert.Contains(paths, p => p.StartsWith("artifacts/gate", StringComparison.Ordinal));
    }

    [Fact]
    public void Package_and_embedding_caches_key_on_files_that_exist()
    {
        foreach (var step in Steps().Where(s => Text(s, "uses")?.StartsWith("actions/cache@", StringComparison.Ordinal) == true))
        {
            foreach (Match file in Regex.Matches(With(step, "key"), @"'(?<file>[^'*]+)'"))
                Assert.True(File.Exists(Repository.PathOf(file.Groups["file"].Value)), $"cache key hashes {file.Groups["file"].Value}, which does not exist");
        }
    }

    [Fact]
    public void The_sdk_it_installs_is_pinned_by_a_global_json_that_exists()
    {
        Assert.True(File.Exists(Repository.PathOf(With(Step("Setup .NET"), "global-json-file"))));
    }

    [Fact]
    public void Tests_write_JUnit_XML_beside_TRX_and_both_are_uploaded()
    {
        var test = Text(Step("Test (unit tests and the golden gate)"), "run")!;
        Assert.Contains("--logger \"junit;LogFileName={assembly}.junit.xml\"", test);
        var results = Regex.Match(test, @"--results-directory (?<dir>\S+)").Groups["dir"].Value;

        var upload = Step("Upload TRX and JUnit XML results");
        Assert.Equal("always()", Text(upload, "if"));
        var paths = With(upload, "path").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains($"{results}/*.junit.xml", paths);
        Assert.Contains($"{results}/*.trx", paths);
        foreach (var project in new[] { "tests/RegressionGate.Tests/RegressionGate.Tests.csproj", "tests/RegressionGate.Golden.Tests/RegressionGate.Golden.Tests.csproj" })
            Assert.Contains("<PackageReference Include=\"JunitXml.TestLogger\" />", File.ReadAllText(Repository.PathOf(project)));
    }

    [Fact]
    public void The_gate_job_cannot_write_to_the_pull_request_and_leaves_the_comment_as_an_artifact()
    {
        Assert.DoesNotContain("pull-requests", Keys(Workflow()["permissions"]));
        var keep = Text(Step("Keep the pull-request comment for gate-comment.yml"), "run")!;
        Assert.Contains($"artifacts/gate/{GateReports.CommentFile}", keep);
        Assert.Contains(PullRequestComment.Marker, keep);
        var upload = Step("Upload the pull-request comment");
        Assert.Equal("always() && github.event_name == 'pull_request'", Text(upload, "if"));
        Assert.Equal("gate-pr-comment", With(upload, "name"));
    }

    [Fact]
    public void The_comment_workflow_runs_after_the_gate_with_write_access_and_runs_none_of_the_pull_requests_code()
    {
        var workflow = Workflow(CommentWorkflowPath);
        var trigger = (YamlMappingNode)((YamlMappingNode)workflow["on"])["workflow_run"];
        Assert.Equal([Text(Workflow(), "name")], ((YamlSequenceNode)trigger["workflows"]).Children.Select(n => ((YamlScalarNode)n).Value));
        Assert.Equal(["completed"], ((YamlSequenceNode)trigger["types"]).Children.Select(n => ((YamlScalarNode)n).Value));
        Assert.Equal("write", Text((YamlMappingNode)workflow["permissions"], "pull-requests"));

        var steps = CommentSteps();
        // No checkout and no action other than the download: nothing from the pull request is ever executed here.
        Assert.Equal(["actions/download-artifact@v4"], steps.Select(s => Text(s, "uses")).OfType<string>());
        Assert.Equal("gate-pr-comment", With(steps[0], "name"));
        Assert.Equal("${{ github.event.workflow_run.id }}", With(steps[0], "run-id"));
    }

    [Fact]
    public void The_comment_is_found_by_the_reports_marker_and_held_to_the_reports_limit()
    {
        var post = CommentSteps().Single(s => Text(s, "run") is not null);
        var environment = (YamlMappingNode)post["env"];
        Assert.Equal(PullRequestComment.Marker, Text(environment, "MARKER"));
        Assert.Equal(PullRequestComment.GitHubCommentLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(environment, "LIMIT"));
        var script = Text(post, "run")!;
        Assert.Contains("--method PATCH", script);
        Assert.Contains("-F \"body=@$body\"", script);
        Assert.Contains("*[!0-9]*", script);
        Assert.Contains(".head.sha", script);
    }

    [Fact]
    public void The_CI_script_runs_the_README_test_command()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md"));
        var testCommand = Regex.Match(readme, @"```sh\n(?<command>dotnet test[^\n]*)\n```").Groups["command"].Value;
        Assert.NotEmpty(testCommand);

        var script = File.ReadAllLines(Repository.PathOf(".ci/run"));
        Assert.Contains(testCommand, script);
        Assert.Contains("set -euo pipefail", script);
    }
}
