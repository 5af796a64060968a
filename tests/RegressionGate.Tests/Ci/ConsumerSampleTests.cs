using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using RegressionGate.Cli.Init;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Llm;

namespace RegressionGate.Tests.Ci;

/// <summary>
/// The consumer sample stands for another team's repository. It runs only in CI (.ci/consumer, on the packed packages);
/// these tests hold its files to what the README and the build promise: the README shows them exactly, it references the
/// packages by the version this build packs and never by project, and its workflow is what init writes.
/// </summary>
public sealed partial class ConsumerSampleTests
{
    const string Sample = "samples/consumer";

    static string SampleFile(string relative) => File.ReadAllText(Repository.PathOf(Path.Combine(Sample, relative)));

    static string PackedVersion() =>
        XDocument.Load(Repository.PathOf("Directory.Build.props")).Descendants("Version").Single().Value;

    /// <summary>The README's "Use it in your repository" section, up to the next heading of its level.</summary>
    static string ReadmeSection()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md"));
        var start = readme.IndexOf("\n## Use it in your repository\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "the README has no 'Use it in your repository' section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return readme[start..(end < 0 ? readme.Length : end)];
    }

    /// <summary>Each fenced block of the section, with the line before it (where a file block names its file).</summary>
    static List<(string Before, string Language, string Body)> Blocks() =>
        FencedBlock().Matches(ReadmeSection()).Select(m => (m.Groups["before"].Value, m.Groups["lang"].Value, m.Groups["body"].Value)).ToList();

    [GeneratedRegex(@"(?<before>[^\n]*)\n\n```(?<lang>\w*)\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [Fact]
    public void The_README_shows_the_sample_files_exactly()
    {
        var files = Blocks()
            .Select(b => (Path: Regex.Match(b.Before, @"^`(?<path>[^`\s]+)`[:,]").Groups["path"].Value, b.Body))
            .Where(b => b.Path.Length > 0)
            .ToList();

        Assert.Equal(["tests/Consumer.GoldenTests/Consumer.GoldenTests.csproj", "tests/Consumer.GoldenTests/GateTheories.cs"],
            files.Select(f => f.Path).Take(2));
        foreach (var (path, body) in files) Assert.Equal(SampleFile(path), body);
        var manifest = Blocks().Single(b => b.Language == "json");
        Assert.Equal(SampleFile(".config/dotnet-tools.json"), manifest.Body);
        Assert.All(Regex.Matches(ReadmeSection(), @"--version (?<v>\S+)`").Select(m => m.Groups["v"].Value), v => Assert.Equal(PackedVersion(), v));
    }

    [Fact]
    public void The_commands_the_README_shows_are_the_ones_CI_runs_in_the_sample()
    {
        var commands = Blocks().Where(b => b.Language == "sh").SelectMany(b => b.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(["dotnet tool restore", "dotnet test", "dotnet regression-gate run"], commands);

        var script = File.ReadAllLines(Repository.PathOf(".ci/consumer"));
        var inSample = Array.FindIndex(script, line => line.StartsWith("cd \"$work/samples/consumer\"", StringComparison.Ordinal));
        Assert.True(inSample >= 0, ".ci/consumer never enters the sample's copy");
        Assert.Equal(commands, script.Skip(inSample + 1).Where(line => line.StartsWith("dotnet ", StringComparison.Ordinal)).Take(commands.Count));
        Assert.Contains(".ci/consumer", File.ReadAllLines(Repository.PathOf(".ci/run")));
    }

    [Fact]
    public void The_sample_references_the_packages_by_the_version_this_build_packs_and_never_by_project()
    {
        var version = PackedVersion();
        var project = XDocument.Load(Repository.PathOf(Path.Combine(Sample, "tests/Consumer.GoldenTests/Consumer.GoldenTests.csproj")));

        Assert.Empty(project.Descendants("ProjectReference"));
        Assert.Equal(version, project.Descendants("PackageReference").Single(r => (string?)r.Attribute("Include") == "RegressionGate.Xunit").Attribute("Version")!.Value);
        using var manifest = JsonDocument.Parse(SampleFile(".config/dotnet-tools.json"));
        Assert.Equal(version, manifest.RootElement.GetProperty("tools").GetProperty("regressiongate.cli").GetProperty("version").GetString());
    }

    [Fact]
    public void The_sample_restores_from_the_folder_CI_packs_into()
    {
        var config = XDocument.Load(Repository.PathOf(Path.Combine(Sample, "NuGet.config")));
        var sources = config.Descendants("add").Select(a => a.Attribute("value")!.Value).ToList();

        Assert.Single(config.Descendants("clear"));
        var local = Path.GetFullPath(Path.Combine(Repository.PathOf(Sample), sources.Single(s => !s.StartsWith("https://", StringComparison.Ordinal))));
        Assert.Equal(Repository.PathOf("artifacts/packages"), local);
        Assert.Contains("dotnet pack RegressionGate.sln -c Release -o artifacts/packages", File.ReadAllLines(Repository.PathOf(".ci/run")));
    }

    [Fact]
    public void The_version_is_a_prerelease_as_long_as_the_library_depends_on_a_prerelease_package()
    {
        var dependencies = XDocument.Load(Repository.PathOf("Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(p => p.Attribute("Include")!.Value, p => p.Attribute("Version")!.Value);
        var library = XDocument.Load(Repository.PathOf("src/RegressionGate/RegressionGate.csproj")).Descendants("PackageReference")
            .Select(r => r.Attribute("Include")!.Value);

        if (library.Any(id => dependencies[id].Contains('-', StringComparison.Ordinal)))
            Assert.Contains('-', PackedVersion());
    }

    [Fact]
    public void The_sample_workflow_action_and_ignore_lines_are_what_init_writes()
    {
        var root = Repository.PathOf(Sample);

        Assert.Equal(GoldenSetStarter.Workflow(root, Path.Combine(root, "golden")), SampleFile(GoldenSetStarter.WorkflowFile));
        foreach (var name in GoldenSetStarter.ActionFiles)
        {
            Assert.Equal(File.ReadAllText(Repository.PathOf(Path.Combine(GoldenSetStarter.ActionDirectory, name))),
                SampleFile(Path.Combine(GoldenSetStarter.ActionDirectory, name)));
        }
        var ignored = SampleFile(".gitignore").Split('\n');
        Assert.All(GoldenSetStarter.IgnoreLines, line => Assert.Contains(line, ignored));
    }

    [Fact]
    public void The_sample_gate_json_spells_out_what_init_writes_and_names_the_model_its_recordings_are_keyed_by()
    {
        var path = Repository.PathOf(Path.Combine(Sample, "golden", GoldenSet.SettingsFile));
        var settings = GateSettingsReader.Read(path, "gate.json");

        Assert.Equal("gpt-4o-mini", settings.Judge.Model);
        Assert.Equal(RecordingMode.Replay, settings.Llm.Mode);
        Assert.Equal(Keys(JsonDocument.Parse(DefaultSettings.Json()).RootElement), Keys(JsonDocument.Parse(File.ReadAllText(path)).RootElement));
    }

    static IEnumerable<string> Keys(JsonElement element, string prefix = "") =>
        element.ValueKind != JsonValueKind.Object ? [prefix]
            : element.EnumerateObject().SelectMany(p => Keys(p.Value, prefix.Length == 0 ? p.Name : $"{prefix}.{p.Name}"));
}
