namespace RegressionGate.Snapshots;

/// <summary>Compares a current result with its verified snapshot by meaning, within tolerances. No messages means it passes.</summary>
internal interface ISnapshotComparer<in T>
{
    /// <summary>Why <paramref name="current"/> differs from <paramref name="verified"/> more than tolerated; approval can accept these.</summary>
    IReadOnlyList<string> Compare(T verified, T current);

    /// <summary>Problems no approval can accept (absolute floors); checked with or without a baseline.</summary>
    IReadOnlyList<string> Violations(T? verified, T current) => [];
}
