using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Reports;
using RegressionGate.Tests.Support;
using Xunit.Abstractions;

namespace RegressionGate.Tests.Reports;

/// <summary>Opens the HTML report in headless Chromium and checks, in the DOM after its script ran, that each chart drew its data.</summary>
public sealed class HtmlChartsInChromiumTests(ITestOutputHelper output) : IDisposable
{
    const string GoldenDir = "/work/golden";

    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    async Task<IDocument> Open(GateResult result, string name)
    {
        var chromium = HeadlessChromium.Find();
        Skip.If(chromium is null, HeadlessChromium.MissingReason);
        var path = temp.Write($"{name}.html", HtmlReport.Render(result));
        var (dom, elapsed, log) = await HeadlessChromium.DumpDomAsync(chromium!, path, temp.Combine($"profile-{name}"));
        output.WriteLine($"Chromium loaded and dumped {name}.html ({new FileInfo(path).Length:N0} bytes) in {elapsed.TotalSeconds:0.00} s");
        // The page logs nothing: no script error, no blocked load.
        Assert.DoesNotContain(":CONSOLE", log);
        return new HtmlParser().ParseDocument(dom);
    }

    [SkippableFact]
    public async Task Each_chart_draws_one_mark_per_datum()
    {
        var result = Scenarios.FailingRun(GoldenDir);

        var page = await Open(result, "failing");

        Assert.All(page.QuerySelectorAll("svg.chart"), chart => Assert.Equal("true", chart.GetAttribute("data-drawn")));
        Assert.Empty(page.QuerySelectorAll("svg.chart text.error"));

        // Retrieval metrics: a baseline and a current bar for each of recall, MRR, nDCG; recall fell below its baseline.
        var metrics = page.QuerySelectorAll("#chart-metrics rect.bar");
        Assert.Equal(6, metrics.Length);
        var recall = Assert.Single(metrics, bar => bar.GetAttribute("data-metric") == "recall" && bar.GetAttribute("data-series") == "current");
        Assert.Equal(result.Summary.Retrieval!.Recall, Value(recall, "data-value"));
        Assert.Contains("fail", recall.ClassList);

        // Confusion matrix: nine cells holding the matrix's counts.
        var cells = page.QuerySelectorAll("#chart-confusion rect.cell");
        Assert.Equal(9, cells.Length);
        foreach (var manual in Labels.All)
        foreach (var automated in Labels.All)
        {
            var cell = Assert.Single(cells, c => c.GetAttribute("data-manual") == manual.ToString() && c.GetAttribute("data-automated") == automated.ToString());
            Assert.Equal(result.Agreement!.Matrix[manual, automated], (int)Value(cell, "data-count"));
        }

        // AR distribution: 3 manual labels × 4 scores; the counts add up to the answers judged, each where it belongs.
        var bars = page.QuerySelectorAll("#chart-ar rect.bar");
        Assert.Equal(12, bars.Length);
        Assert.Equal(3, bars.Sum(b => Value(b, "data-count")));
        Assert.Equal(1, Count(bars, "C", "1.00"));
        Assert.Equal(1, Count(bars, "C", "0.67"));
        Assert.Equal(1, Count(bars, "I", "1.00"));

        // Rank overlap: one bar per question with a baseline (204 has none), lowest first, 105 below the minimum.
        var overlap = page.QuerySelectorAll("#chart-overlap rect.bar");
        Assert.Equal(result.Questions.Count(q => q.Overlap is not null), overlap.Length);
        Assert.Equal("105", overlap[0].GetAttribute("data-question"));
        Assert.Equal(["105"], overlap.Where(b => b.ClassList.Contains("fail")).Select(b => b.GetAttribute("data-question")));
        Assert.Equal(result.For("105").Overlap!.Value, Value(overlap[0], "data-value"), 12);
    }

    [SkippableFact]
    public async Task User_text_stays_text_in_the_browser()
    {
        var page = await Open(Scenarios.FailingRun(GoldenDir), "escaping");

        Assert.Null(page.GetElementById("injected"));
        Assert.Equal(2, page.QuerySelectorAll("script").Length);
        Assert.Contains("<b id=\"injected\">marcação</b>", page.Body!.TextContent);
    }

    [SkippableFact]
    public async Task Charts_with_nothing_to_draw_say_so()
    {
        var page = await Open(Scenarios.NothingToCompare(GoldenDir), "empty");

        Assert.Equal("No answer has both a manual label and a judgment.", page.QuerySelector("#chart-confusion text.empty")?.TextContent);
        Assert.Equal("No answer was judged.", page.QuerySelector("#chart-ar text.empty")?.TextContent);
        Assert.Equal("No question has a verified baseline ranking to compare with.", page.QuerySelector("#chart-overlap text.empty")?.TextContent);
        Assert.Empty(page.QuerySelectorAll("#chart-ar rect.bar, #chart-confusion rect.cell, #chart-overlap rect.bar"));
        // No baseline summary: only this run's bars.
        Assert.Equal(["current", "current", "current"], page.QuerySelectorAll("#chart-metrics rect.bar").Select(b => b.GetAttribute("data-series")));
    }

    [SkippableFact]
    public async Task A_thousand_questions_draw_a_thousand_overlap_bars()
    {
        var result = Scenarios.Large(GoldenDir, 1000, reasoningChars: 2000);

        var page = await Open(result, "large");

        Assert.Equal(1000, page.QuerySelectorAll("#chart-overlap rect.bar").Length);
        Assert.Equal(1000, page.QuerySelectorAll("details.question").Length);
        // Every bar is labelled with its question id, however many there are: the chart widens instead.
        var labels = page.QuerySelectorAll("#chart-overlap text.bar-label");
        Assert.Equal(page.QuerySelectorAll("#chart-overlap rect.bar").Select(b => b.GetAttribute("data-question")),
            labels.Select(l => l.GetAttribute("data-question")));
        Assert.All(labels, label => Assert.Equal(label.GetAttribute("data-question"), label.ChildNodes[0].TextContent));
    }

    [SkippableFact]
    public async Task Each_metric_plots_its_distribution_over_the_questions_with_its_mean()
    {
        var result = Scenarios.TriadRun(GoldenDir);

        var page = await Open(result, "triad");

        Assert.All(page.QuerySelectorAll("svg.chart"), chart => Assert.Equal("true", chart.GetAttribute("data-drawn")));
        foreach (var (metric, _) in result.MetricJudges)
        {
            var bars = page.QuerySelectorAll($"#chart-metric-{metric.Name} rect.bar");
            Assert.Equal(10, bars.Length);
            var scores = result.Questions.Select(q => q.Metric(metric.Name)?.Score).OfType<double>().ToList();
            Assert.Equal(scores.Count, bars.Sum(b => Value(b, "data-count")));
            // Tenths of 0–1, the last one closed: 1.0 counts in 0.9–1.0.
            static int Bin(double score) => Math.Min(9, (int)Math.Floor(score * 10 + 1e-9));
            foreach (var score in scores.Distinct())
            {
                var bin = (Bin(score) / 10.0).ToString("0.0", CultureInfo.InvariantCulture);
                Assert.Equal(scores.Count(s => Bin(s) == Bin(score)), Value(bars.Single(b => b.GetAttribute("data-bin") == bin), "data-count"));
            }
            var mean = page.QuerySelector($"#chart-metric-{metric.Name} line[data-series='mean']");
            Assert.Equal(result.Summary.Metric(metric.Name)!.Mean, Value(mean!, "data-value"), 12);
        }
        // Groundedness graded two answers: 105's (0.67) and 201's (1.00); 202's judge failed and 203 and 204 have no answer.
        Assert.Equal(2, page.QuerySelectorAll("#chart-metric-groundedness rect.bar").Sum(b => Value(b, "data-count")));
        var row = page.QuerySelectorAll("table.triad tbody tr").First(r => r.QuerySelector(".id")?.TextContent == "105");
        Assert.Contains("unsupported (0.33): «A camada de pooling dobra o número de filtros da rede.»", row.TextContent);
    }

    static double Value(IElement element, string attribute) =>
        double.Parse(element.GetAttribute(attribute) ?? throw new InvalidOperationException($"no {attribute}"), CultureInfo.InvariantCulture);

    static double Count(IEnumerable<IElement> bars, string manual, string score) =>
        Value(bars.Single(b => b.GetAttribute("data-manual") == manual && b.GetAttribute("data-score") == score), "data-count");
}
