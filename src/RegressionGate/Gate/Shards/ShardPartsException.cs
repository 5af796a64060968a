namespace RegressionGate.Gate.Shards;

/// <summary>
/// Parts that cannot be merged into one run: from different golden sets, settings or shard counts, a shard given twice
/// or missing. Bad input (exit 2): the message says which parts and what differs.
/// </summary>
internal sealed class ShardPartsException(string message) : Exception(message);
