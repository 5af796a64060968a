namespace RegressionGate.Llm;

/// <summary>What the recording client does with the <c>recordings/</c> folder (<c>--llm</c>).</summary>
public enum RecordingMode
{
    /// <summary>Answer only from recordings; a miss fails the question. Needs no model (CI's default).</summary>
    Replay,
    /// <summary>Answer from recordings; on a miss call the model and save its answer.</summary>
    Record,
    /// <summary>Call the model for every request and overwrite its recording.</summary>
    Refresh,
    /// <summary>Call the model; never read or write recordings.</summary>
    Live,
}
