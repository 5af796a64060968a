using System.CommandLine;
using System.Globalization;
using RegressionGate.Answers;
using RegressionGate.Gate;
using RegressionGate.Gate.Shards;
using RegressionGate.Judging.Metrics;
using RegressionGate.Llm;
using RegressionGate.Reports;
using RegressionGate.Retrieval;

namespace RegressionGate.Cli.Commands;

/// <summary><c>regression-gate run</c>: the whole gate over a golden set, a short verdict, and the reports.</summary>
static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var golden = CommonOptions.Golden(console);
        var output = CommonOptions.Out("Where the reports go (gate-report.json, .md, .html, one record per question).", "artifacts");
        var llm = new Option<string?>("--llm")
        {
            Description = "How the judge reaches the LLM: replay (recordings only; the default, and what CI uses), record (call on a " +
                          "missing recording and save it), refresh (call for every answer, overwrite), live (call, save nothing). " +
                          "Default: llm.mode of gate.json.",
            HelpName = "MODE",
        };
        llm.AcceptOnlyFromAmong(RecordingModes.Names.ToArray());
        var judge = new Option<string?>("--judge")
        {
            Description = string.Join(", ", JudgeRegistry.BuiltIn.Providers.Select(p => $"{p.Kind} ({p.Summary})")) + ". Default: judge.kind of gate.json.",
            HelpName = "KIND",
        };
        judge.AcceptOnlyFromAmong(JudgeRegistry.BuiltIn.Kinds.ToArray());
        var parallel = new Option<int?>("--parallel") { Description = "LLM calls in flight at most. Default: llm.parallel of gate.json (4).", HelpName = "N" };
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 256) result.AddError("--parallel must be between 1 and 256");
        });
        var json = new Option<bool>("--json") { Description = "Print gate-report.json to standard output instead of the verdict." };
        var shard = ShardOption.Create();
        var batch = new Option<bool>("--batch")
        {
            Description = "With --llm record or refresh: send the model calls through the Azure OpenAI Batch API (one file of requests, " +
                          "half the price, answers within 24 h) and store the results as recordings. Stopped while it waits, the batch " +
                          "runs on, and the same command collects it. Polling: llm.batch of gate.json.",
        };
        var answers = new Option<string?>("--answers")
        {
            Description = "Which answers the metrics grade: golden (questions.jsonl), generate (from the current top-k with the prompt 'ask' " +
                          "uses, recorded) or endpoint (the assistant in answers.endpoint, recorded). Default: answers.source of gate.json.",
            HelpName = "SOURCE",
        };
        answers.AcceptOnlyFromAmong(AnswerSources.Names.ToArray());
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Call nothing and write nothing: print how many model calls of each metric and of the answers the run would " +
                          "make in its --llm mode (only requests without a recording, unless refreshing), with estimated tokens.",
        };

        var command = new Command("run",
            "Run the gate: retrieve each golden question's top-k, judge each answer, compare everything with the verified " +
            "snapshots under the tolerances of gate.json, and write the reports. A mismatch writes a .received.json beside " +
            "the verified snapshot; review it, then run 'approve'.\n\n" +
            "Exit codes: 0 passed, 1 gate failed, 2 bad input or usage.\n\n" +
            "Examples:\n" +
            "  regression-gate run\n" +
            "  regression-gate run --golden golden --out artifacts/gate\n" +
            "  regression-gate run --llm record --dry-run   # what recording would cost, before any call\n" +
            "  regression-gate run --llm record          # after changing the judge prompt or model (needs AZURE_OPENAI_*)\n" +
            "  regression-gate run --llm record --batch  # the same through the Batch API; run it again to resume\n" +
            "  regression-gate run --answers generate    # grade answers generated from the current retrieval\n" +
            "  regression-gate run --judge similarity    # offline judge, no LLM\n" +
            "  regression-gate run --json | jq .verdict\n" +
            "  regression-gate run --shard 2/4 --out parts/2   # one job of a CI matrix; then 'merge'\n\n" +
            "Retrievers (retriever.kind in gate.json):\n" +
            string.Join("\n", RetrieverRegistry.BuiltIn.Providers.Select(p => $"  {p.Kind,-10} {p.Summary}")) + "\n\n" +
            "Metrics (judge.metrics in gate.json):\n" +
            string.Join("\n", MetricRegistry.BuiltIn.Providers.Select(p => $"  {p.Name,-18} {p.Summary}")))
        {
            golden, output, llm, judge, answers, parallel, batch, dryRun, json, shard,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var input = CliGolden.Load(console, parse.GetValue(golden)!);
            var outDirectory = OutputDirectory.Check(parse.GetValue(output)!, input.Golden.Directory);
            var options = new GateRunOptions
            {
                LlmMode = parse.GetValue(llm) is { } mode ? RecordingModes.Parse(mode) : null,
                JudgeKind = parse.GetValue(judge),
                Answers = parse.GetValue(answers) is { } source ? AnswerSources.Parse(source) : null,
                Parallel = parse.GetValue(parallel),
                Batch = parse.GetValue(batch),
                Environment = console.Environment,
                Warning = console.Warn,
                Notice = console.Note,
            };
            if (parse.GetValue(dryRun))
            {
                var plan = await ProgressDisplay.RunAsync(console, progress =>
                    GateRunner.PlanAsync(input, options with { Progress = progress }, cancellationToken)).ConfigureAwait(false);
                await console.Out.WriteAsync(plan.Describe()).ConfigureAwait(false);
                return ExitCodes.Passed;
            }
            var slice = ShardOption.Parse(parse.GetValue(shard));
            GatePart? part = null;
            var result = await ProgressDisplay.RunAsync(console, async progress =>
            {
                if (slice is not { } s) return await GateRunner.RunAsync(input, options with { Progress = progress }, cancellationToken).ConfigureAwait(false);
                (var sliceResult, part) = await GateShards.RunAsync(input, s, options with { Progress = progress }, cancellationToken).ConfigureAwait(false);
                return sliceResult;
            }).ConfigureAwait(false);
            var written = GateReports.Write(result, outDirectory);
            if (part is not null)
            {
                GatePartFile.Write(part, outDirectory);
                written = [.. written, Path.Combine(outDirectory, GatePart.FileName)];
            }
            if (parse.GetValue(json))
                await console.Out.WriteAsync(await File.ReadAllTextAsync(Path.Combine(outDirectory, GateReports.JsonFile), cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            else
                await console.Out.WriteAsync(Verdict(result, written)).ConfigureAwait(false);
            return result.Passed ? ExitCodes.Passed : ExitCodes.GateFailed;
        });
        return command;
    }

    /// <summary>The few lines a person reads in a terminal or CI log: verdict, what failed and why, where the details are.</summary>
    internal static string Verdict(GateResult result, IReadOnlyList<string> reports)
    {
        var text = new System.Text.StringBuilder();
        var questions = result.Questions;
        var judged = questions.Count(q => q.Judgment is not null);
        var metricChecks = questions.SelectMany(q => q.Metrics.Where(m => !m.Metric.Labelled && m.Verdict is not null)).ToList();
        var answerChecks = questions.Where(q => q.AnswerCheck is not null).ToList();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{(result.Shard is { } shard ? $"gate shard {shard} (partial)" : "gate")} {(result.Passed ? "passed" : "FAILED")}: {questions.Count} questions, retrieval {questions.Count(q => q.Retrieval.Passed)}/{questions.Count} " +
            $"ok, {(answerChecks.Count > 0 ? $"answers {answerChecks.Count(q => q.AnswerCheck!.Passed)}/{answerChecks.Count} ok, " : "")}" +
            $"judgments {questions.Count(q => q.Judgment?.Passed == true)}/{judged} ok, " +
            $"{(metricChecks.Count > 0 ? $"metric checks {metricChecks.Count(m => m.Passed)}/{metricChecks.Count} ok, " : "")}" +
            $"aggregates {(result.Shard is not null ? "left to merge" : result.SummaryVerdict.Passed ? "ok" : "FAILED")} ({result.Elapsed.TotalSeconds:0.0} s)"));
        if (result.Summary.Retrieval is { } r)
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  retrieval@{r.K}: recall {r.Recall:0.000}, MRR {r.Mrr:0.000}, nDCG {r.Ndcg:0.000} over {r.Questions} questions"));
        if (result.Summary.Judge is { } j)
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"  judge ({result.Judge?.Kind}, {result.LlmMode}): accuracy {j.Accuracy:0.000}, kappa {(j.Kappa is { } k ? k.ToString("0.000", CultureInfo.InvariantCulture) : "n/a")} over {j.Answers} answers"));
        if (result.HasTriad() || result.AnswerSource.Produced)
        {
            var means = result.MetricJudges.Select(j => result.Summary.Metric(j.Metric.Name) is { } m
                ? string.Create(CultureInfo.InvariantCulture, $"{AggregateRow.MeanName(j.Metric, result.K())} {m.Mean:0.000}")
                : $"{AggregateRow.MeanName(j.Metric, result.K())} not measured");
            text.AppendLine($"  metrics ({result.AnswerSource.Kind} answers): {string.Join(", ", means)}");
        }
        foreach (var question in result.Failing)
        {
            foreach (var (stage, verdict) in question.Checks())
            {
                if (verdict.Passed) continue;
                text.AppendLine($"  FAIL {question.Question.Id} {stage}: {First(verdict)}");
            }
        }
        if (!result.SummaryVerdict.Passed)
        {
            foreach (var failure in result.SummaryVerdict.Failures) text.AppendLine($"  FAIL aggregates: {failure}");
        }
        var received = result.ReceivedSnapshots().Count;
        if (received > 0)
            text.AppendLine($"  {received} received snapshot(s) written; if the changes are intended: {ApprovalHint.For(result).Command}");
        foreach (var report in reports) text.AppendLine($"report: {report}");
        return text.ToString();
    }

    static string First(Verdict verdict)
    {
        var first = verdict.Failures[0];
        var line = first.Split('\n')[0];
        var more = verdict.Failures.Count - 1 + (first.Contains('\n') ? 1 : 0);
        return more > 0 ? $"{line} (+ more in the report)" : line;
    }
}
