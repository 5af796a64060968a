using RegressionGate.Files;

namespace RegressionGate.Golden.Tests;

/// <summary>The theory rows: one per question id of <c>golden/questions.jsonl</c>, read when tests are discovered.</summary>
public static class GoldenQuestions
{
    /// <summary>Shown as the single row when the golden set can't be read, so the test run explains why instead of finding nothing.</summary>
    public const string Unreadable = "(golden set unreadable)";

    public static TheoryData<string> Ids() => Rows(_ => true);

    public static TheoryData<string> AnsweredIds() => Rows(question => question.Answer is not null);

    static TheoryData<string> Rows(Func<GoldenQuestion, bool> include)
    {
        var rows = new TheoryData<string>();
        try
        {
            foreach (var question in GoldenSetLoader.Load(GoldenLocation.Directory).Questions.Where(include)) rows.Add(question.Id);
        }
        catch (InputFileException)
        {
            rows.Add(Unreadable);
        }
        return rows;
    }
}
