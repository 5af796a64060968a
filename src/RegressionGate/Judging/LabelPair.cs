using RegressionGate.Golden;

namespace RegressionGate.Judging;

/// <summary>One answer's two labels: the one people gave and the one derived from the judge's score.</summary>
internal readonly record struct LabelPair(Label Manual, Label Automated);
