using RegressionGate.Golden;

namespace RegressionGate.Judging;

/// <summary>Counts of manual (rows) × automated (columns) labels over I &lt; P &lt; C.</summary>
public sealed class ConfusionMatrix
{
    /// <summary>The number of labels, and so the matrix's size.</summary>
    public const int Size = 3;

    readonly int[,] counts;

    internal ConfusionMatrix(IEnumerable<LabelPair> pairs)
    {
        counts = new int[Size, Size];
        foreach (var pair in pairs) counts[(int)pair.Manual, (int)pair.Automated]++;
        Total = counts.Cast<int>().Sum();
    }

    internal ConfusionMatrix(int[,] counts)
    {
        this.counts = counts;
        Total = counts.Cast<int>().Sum();
    }

    /// <summary>How many answers people labelled <paramref name="manual"/> and the judge <paramref name="automated"/>.</summary>
    public int this[Label manual, Label automated] => counts[(int)manual, (int)automated];

    internal int this[int manual, int automated] => counts[manual, automated];

    /// <summary>How many answers the matrix counts.</summary>
    public int Total { get; }

    /// <summary>How many answers people labelled <paramref name="manual"/>.</summary>
    public int ManualTotal(Label manual) => Labels.All.Sum(a => this[manual, a]);

    /// <summary>How many answers the judge labelled <paramref name="automated"/>.</summary>
    public int AutomatedTotal(Label automated) => Labels.All.Sum(m => this[m, automated]);

    /// <summary>Rows of counts, I then P then C, for reports.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Rows =>
        Labels.All.Select(m => (IReadOnlyList<int>)Labels.All.Select(a => this[m, a]).ToList()).ToList();
}
