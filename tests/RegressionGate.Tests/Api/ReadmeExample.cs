using RegressionGate.Gate;
using RegressionGate.Reports;
using RegressionGate.Retrieval;

static class QualityGate
{
    /// <summary>Runs the gate over a golden directory, writes the reports, says what failed; true when it passed.</summary>
    public static async Task<bool> RunAsync(string golden, string reports)
    {
        var input = GateInput.Load(golden);              // the golden set and its gate.json, validated
        var result = await GateRunner.RunAsync(input, new GateRunOptions());
        GateReports.Write(result, reports);              // gate-report.md, .json, .html and records/
        foreach (var question in result.Failing)
            Console.WriteLine($"{question.Question.Id}: {question.Retrieval}\n{question.Judgment}");
        Console.WriteLine(result.SummaryVerdict);
        return result.Passed;
    }

    /// <summary>A retriever kind of your own: gate.json names it ("retriever": { "kind": "my-kind" }).</summary>
    public static GateInput LoadWith(string golden, Func<RetrieverContext, IRetriever> create) =>
        GateInput.Load(golden, RetrieverRegistry.BuiltIn.With(new RetrieverProvider("my-kind", "what it does", create)));
}
