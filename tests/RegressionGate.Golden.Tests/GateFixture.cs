using RegressionGate.Files;
using RegressionGate.Gate;
using RegressionGate.Reports;

namespace RegressionGate.Golden.Tests;

/// <summary>
/// Runs the gate once for all theory rows, then writes its reports where CI publishes them. A golden set that
/// cannot be loaded is kept as the failure every row reports.
/// </summary>
public sealed class GateFixture : IAsyncLifetime
{
    GateResult? result;
    Exception? failure;

    public GateResult Result => result ?? throw new InvalidOperationException($"the gate did not run: {failure?.Message}", failure);

    public async Task InitializeAsync()
    {
        try
        {
            var input = GateInput.Load(GoldenLocation.Directory);
            result = await GateRunner.RunAsync(input, new GateRunOptions());
            GateReports.Write(result, GoldenLocation.ReportDirectory);
        }
        catch (Exception e) when (e is InputFileException or InvalidOperationException or IOException)
        {
            failure = e;
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
