namespace RegressionGate.Llm;

/// <summary>
/// A run needs a live model that is not (or not completely) configured. The command line maps it to exit code 2;
/// the message names the variables to set and never shows a key.
/// </summary>
public sealed class LlmConfigurationException(string message, IReadOnlyList<string> variables) : Exception(message)
{
    /// <summary>The environment variables the message asks the user to set or fix.</summary>
    public IReadOnlyList<string> Variables { get; } = variables;
}
