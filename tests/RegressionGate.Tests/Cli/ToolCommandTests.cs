using RegressionGate.Environments;

namespace RegressionGate.Tests.Cli;

public sealed class ToolCommandTests : IDisposable
{
    readonly TempDirectory temp = new();

    const string ManifestListingTheTool = """
        {
          "version": 1,
          "isRoot": true,
          "tools": {
            "regressiongate.cli": { "version": "0.1.0-preview.1", "commands": [ "regression-gate" ], "rollForward": false }
          }
        }
        """;

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_tool_manifest_listing_the_command_makes_it_dotnet_regression_gate_from_any_folder_below()
    {
        temp.Write("repo/.config/dotnet-tools.json", ManifestListingTheTool);
        Directory.CreateDirectory(temp.Combine("repo", "tests", "bin"));

        var tool = ToolCommand.Detect(temp.Combine("repo", "tests", "bin"));

        Assert.Equal(ToolInstallation.LocalTool, tool.Installation);
        Assert.Equal("dotnet regression-gate approve --dry-run", tool.With("approve --dry-run"));
    }

    [Fact]
    public void A_manifest_beside_the_folder_rather_than_in_dot_config_counts_too()
    {
        temp.Write("repo/dotnet-tools.json", ManifestListingTheTool);

        Assert.Equal(ToolInstallation.LocalTool, ToolCommand.Detect(temp.Combine("repo")).Installation);
    }

    [Fact]
    public void Without_a_manifest_or_a_checkout_it_is_the_global_command()
    {
        Directory.CreateDirectory(temp.Combine("plain"));

        var tool = ToolCommand.Detect(temp.Combine("plain"));

        Assert.Equal(ToolInstallation.Global, tool.Installation);
        Assert.Equal("regression-gate approve", tool.With("approve"));
    }

    [Fact]
    public void A_manifest_that_lists_other_tools_only_is_passed_over()
    {
        temp.Write("repo/.config/dotnet-tools.json", """{ "version": 1, "tools": { "dotnet-ef": { "version": "9.0.0", "commands": [ "dotnet-ef" ] } } }""");

        Assert.Equal(ToolInstallation.Global, ToolCommand.Detect(temp.Combine("repo")).Installation);
    }

    [Fact]
    public void A_root_manifest_without_the_tool_hides_one_further_up_as_it_does_for_dotnet()
    {
        temp.Write("outer/.config/dotnet-tools.json", ManifestListingTheTool);
        temp.Write("outer/inner/.config/dotnet-tools.json", """{ "version": 1, "isRoot": true, "tools": {} }""");

        Assert.Equal(ToolInstallation.Global, ToolCommand.Detect(temp.Combine("outer", "inner")).Installation);
        Assert.Equal(ToolInstallation.LocalTool, ToolCommand.Detect(temp.Combine("outer")).Installation);
    }

    [Fact]
    public void A_manifest_that_is_not_json_is_ignored_rather_than_reported()
    {
        temp.Write("repo/.config/dotnet-tools.json", "{ not json");

        Assert.Equal(ToolInstallation.Global, ToolCommand.Detect(temp.Combine("repo")).Installation);
    }

    [Fact]
    public void Inside_a_source_checkout_it_is_dotnet_run_on_the_command_line_project()
    {
        temp.Write("checkout/src/RegressionGate.Cli/RegressionGate.Cli.csproj", "<Project />");
        Directory.CreateDirectory(temp.Combine("checkout", "tests"));

        var tool = ToolCommand.Detect(temp.Combine("checkout", "tests"));

        Assert.Equal(ToolInstallation.SourceCheckout, tool.Installation);
        Assert.Equal("dotnet run --project src/RegressionGate.Cli -- approve", tool.With("approve"));
    }

    [Fact]
    public void The_nearest_wins_so_a_sample_with_its_own_manifest_inside_a_checkout_uses_the_installed_tool()
    {
        temp.Write("checkout/src/RegressionGate.Cli/RegressionGate.Cli.csproj", "<Project />");
        temp.Write("checkout/samples/consumer/.config/dotnet-tools.json", ManifestListingTheTool);

        Assert.Equal(ToolInstallation.LocalTool, ToolCommand.Detect(temp.Combine("checkout", "samples", "consumer")).Installation);
        Assert.Equal(ToolInstallation.SourceCheckout, ToolCommand.Detect(temp.Combine("checkout")).Installation);
    }

    [Fact]
    public void These_tests_run_inside_the_source_checkout_and_every_hint_says_so()
    {
        Assert.Equal(ToolInstallation.SourceCheckout, ToolCommand.Current.Installation);
    }

    [Theory]
    [InlineData("golden", "golden")]
    [InlineData("my golden", "\"my golden\"")]
    public void A_path_with_a_space_is_quoted_as_one_argument(string path, string argument)
    {
        Assert.Equal(argument, ToolCommand.Argument(path));
    }
}
