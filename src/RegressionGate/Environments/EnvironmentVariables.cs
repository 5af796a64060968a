namespace RegressionGate.Environments;

/// <summary>The real process environment, or a fixed one.</summary>
public static class EnvironmentVariables
{
    /// <summary>The environment of this process.</summary>
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
