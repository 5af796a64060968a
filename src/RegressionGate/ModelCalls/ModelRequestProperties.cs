namespace RegressionGate.ModelCalls;

/// <summary>
/// Names of <see cref="Microsoft.Extensions.AI.ChatOptions.AdditionalProperties"/> entries a judge attaches to its
/// requests. They never reach the model: the recording client folds them into the recording key and strips them.
/// </summary>
public static class ModelRequestProperties
{
    /// <summary>The judge prompt's version (a string), so editing the prompt invalidates its recordings.</summary>
    public const string PromptVersion = "regression-gate.promptVersion";

    /// <summary>Which repeat (1-based int) this request is, so n repeats of one question are n distinct recordings.</summary>
    public const string Repeat = "regression-gate.repeat";
}
