namespace RegressionGate.Judging.Metrics;

/// <summary>What a metric reads besides the question: the answer, the segments the answer was given, or both.</summary>
[Flags]
public enum MetricInputs
{
    /// <summary>The question alone.</summary>
    Question = 0,
    /// <summary>The answer under test.</summary>
    Answer = 1,
    /// <summary>The retrieved segments the answer was given (the context).</summary>
    Segments = 2,
}
