using System.CommandLine;
using RegressionGate.Sharding;

namespace RegressionGate.Cli;

/// <summary><c>--shard I/N</c>, read the same way by every command that takes it.</summary>
static class ShardOption
{
    public static Option<string?> Create() => Validated(new Option<string?>("--shard")
    {
        Description = "Do only shard I of N: the questions whose id hashes to I (first 8 bytes of SHA-256 of the UTF-8 id, " +
                      "mod N, plus 1). The reports list only those questions and gate no aggregate; --out also gets the part " +
                      "file that 'merge' joins with the other shards' into the full verdict.",
        HelpName = "I/N",
    });

    static Option<string?> Validated(Option<string?> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && Shard.TryParse(text, out var error) is null) result.AddError($"--shard {error}");
        });
        return option;
    }

    /// <summary>The shard the option names, or null when it was not given (validation already refused anything else).</summary>
    public static Shard? Parse(string? text) => text is null ? null : Shard.TryParse(text, out _);
}
