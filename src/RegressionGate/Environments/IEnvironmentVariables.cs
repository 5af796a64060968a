namespace RegressionGate.Environments;

/// <summary>Reads environment variables, so tests can say what the environment holds without touching the process's.</summary>
public interface IEnvironmentVariables
{
    /// <summary>The variable's value, or null when it is not set.</summary>
    string? Get(string name);
}
