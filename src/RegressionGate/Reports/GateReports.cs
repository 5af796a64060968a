using RegressionGate.Gate;
using RegressionGate.Golden;

namespace RegressionGate.Reports;

/// <summary>Writes every report of a run into one directory (<c>--out</c>), each file atomically.</summary>
public static class GateReports
{
    public const string JsonFile = "gate-report.json";
    public const string MarkdownFile = "gate-report.md";
    public const string HtmlFile = "gate-report.html";

    /// <summary>The paths written.</summary>
    public static IReadOnlyList<string> Write(GateResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, JsonFile);
        AtomicFile.WriteAllText(json, JsonReport.Render(result));
        return [json];
    }
}
