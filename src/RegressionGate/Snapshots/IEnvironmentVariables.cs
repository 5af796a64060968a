namespace RegressionGate.Snapshots;

/// <summary>Reads environment variables, so tests can say what the environment holds without touching the process's.</summary>
public interface IEnvironmentVariables
{
    /// <summary>The variable's value, or null when it is not set.</summary>
    string? Get(string name);
}

/// <summary>The real process environment, or a fixed one.</summary>
public static class EnvironmentVariables
{
    public static IEnvironmentVariables Process { get; } = new ProcessEnvironment();

    /// <summary>An environment holding exactly <paramref name="variables"/>.</summary>
    public static IEnvironmentVariables From(IReadOnlyDictionary<string, string> variables) => new FixedEnvironment(variables);

    sealed class ProcessEnvironment : IEnvironmentVariables
    {
        public string? Get(string name) => Environment.GetEnvironmentVariable(name);
    }

    sealed class FixedEnvironment(IReadOnlyDictionary<string, string> variables) : IEnvironmentVariables
    {
        public string? Get(string name) => variables.TryGetValue(name, out var value) ? value : null;
    }
}
