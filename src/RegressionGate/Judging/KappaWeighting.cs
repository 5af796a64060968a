namespace RegressionGate.Judging;

/// <summary>How much a disagreement between labels i and j counts, over the order I &lt; P &lt; C.</summary>
internal enum KappaWeighting
{
    /// <summary>Cohen's kappa: every disagreement counts fully.</summary>
    None,
    /// <summary>|i − j| / (k − 1): P vs C costs half of I vs C.</summary>
    Linear,
    /// <summary>(i − j)² / (k − 1)²: P vs C costs a quarter of I vs C.</summary>
    Quadratic,
}
