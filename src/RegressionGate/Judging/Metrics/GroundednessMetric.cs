using System.Globalization;
using Microsoft.Extensions.AI;

namespace RegressionGate.Judging.Metrics;

/// <summary>
/// Groundedness: the answer split into statements (<see cref="StatementSplitter"/>), each graded 0–3 against the
/// segments the answer was given with <see cref="GroundednessPrompt"/>; the answer's score is the mean normalised
/// grade, and statements below <see cref="UnsupportedBelow"/> are listed in reports as unsupported.
/// </summary>
public sealed class GroundednessMetric : RubricMetric
{
    /// <summary>How <c>judge.metrics</c>, snapshots and reports name groundedness.</summary>
    public const string MetricName = "groundedness";

    /// <summary>Registers groundedness in a <see cref="MetricRegistry"/>, reading its entry of <c>judge.metrics</c>.</summary>
    public static MetricProvider Provider { get; } = new(MetricName, "each statement of the answer graded against its segments; mean over the statements", section =>
    {
        section.RejectUnknown([.. MetricRules.Fields(perQuestion: true), "unsupportedBelow", "minWords"]);
        var defaults = new GroundednessMetric();
        return new GroundednessMetric
        {
            Rules = section.Rules(),
            UnsupportedBelow = section.Number("unsupportedBelow", defaults.UnsupportedBelow, 0, 1),
            MinWords = section.WholeNumber("minWords", defaults.MinWords, 1, 50),
        };
    });

    /// <summary>A statement whose normalised grade is below this is unsupported (default 0.5: scores 0 and 1 of 3).</summary>
    public double UnsupportedBelow { get; init; } = 0.5;

    /// <summary>Pieces of the answer with fewer words are trivial and not graded (see <see cref="StatementSplitter"/>).</summary>
    public int MinWords { get; init; } = StatementSplitter.DefaultMinWords;

    /// <inheritdoc/>
    public override string Name => MetricName;
    /// <inheritdoc/>
    public override string Title => "Groundedness";
    /// <inheritdoc/>
    public override string Abbreviation => "G";
    /// <inheritdoc/>
    public override MetricInputs Inputs => MetricInputs.Answer | MetricInputs.Segments;
    /// <inheritdoc/>
    public override UnitKind UnitKind => UnitKind.Statement;
    /// <inheritdoc/>
    public override string PromptVersion => GroundednessPrompt.Version;
    /// <inheritdoc/>
    public override double? FlagBelow => UnsupportedBelow;
    /// <inheritdoc/>
    public override string FlagWord => "unsupported";

    /// <inheritdoc/>
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("minWords", MinWords.ToString(CultureInfo.InvariantCulture)),
        new("unsupportedBelow", UnsupportedBelow.ToString("0.######", CultureInfo.InvariantCulture)),
    ];

    /// <summary>The answer's statements, numbered <c>s1</c>, <c>s2</c>… in order.</summary>
    public override IReadOnlyList<MetricUnit> Units(MetricSubject subject) =>
        StatementSplitter.Split(subject.Answer ?? "", MinWords).Select((s, i) => new MetricUnit($"s{i + 1}", s)).ToList();

    /// <inheritdoc/>
    public override IReadOnlyList<ChatMessage> Messages(MetricSubject subject, MetricUnit unit) =>
        GroundednessPrompt.Messages(subject.Segments, unit.Text);

    /// <inheritdoc/>
    public override (string Query, IReadOnlyList<string> Passages) SimilarityTexts(MetricSubject subject, MetricUnit unit) =>
        (unit.Text, subject.Segments.Select(s => s.Text).ToList());
}
