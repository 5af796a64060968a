using RegressionGate.Files;
using RegressionGate.Golden;

namespace RegressionGate.Xunit;

/// <summary>The theory rows, read from <c>questions.jsonl</c> when tests are discovered.</summary>
static class GoldenRows
{
    /// <summary>The single row shown when the golden set can't be read, so the run explains why instead of finding nothing.</summary>
    public const string Unreadable = "(golden set unreadable)";

    public static IEnumerable<object[]> Where(Func<GoldenQuestion, bool> include)
    {
        List<string> ids;
        try
        {
            ids = GoldenSetLoader.Load(GoldenLocation.Directory).Questions.Where(include).Select(q => q.Id).ToList();
        }
        catch (Exception e) when (e is InputFileException or InvalidOperationException)
        {
            ids = [Unreadable];
        }
        return ids.Select(id => new object[] { id });
    }
}
