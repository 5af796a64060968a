namespace RegressionGate.Cli;

/// <summary>The keys a person presses at a terminal, one at a time, for an interactive command.</summary>
internal interface IKeyInput
{
    /// <summary>The next key's character (as typed, any case); null when there is no more input.</summary>
    char? Read();
}

/// <summary>Keys read from the process's terminal, without echoing them.</summary>
sealed class ConsoleKeyInput : IKeyInput
{
    public char? Read()
    {
        try
        {
            return Console.ReadKey(intercept: true).KeyChar;
        }
        catch (InvalidOperationException)
        {
            return null; // standard input stopped being a terminal
        }
    }
}
