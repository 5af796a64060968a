using RegressionGate.Reports;

namespace RegressionGate.Tests.Reports;

public sealed class DetailBudgetTests
{
    static ReportItem Item(int brief, int full) => new(new string('b', brief), new string('f', full));

    [Fact]
    public void Every_lists_brief_forms_come_before_any_full_form()
    {
        IReadOnlyList<ReportItem>[] lists = [[Item(10, 100), Item(10, 100)], [Item(5, 50)]];

        var levels = DetailBudget.Allot(lists, 25);

        Assert.Equal([Detail.Brief, Detail.Brief], levels[0]);
        Assert.Equal([Detail.Brief], levels[1]);
    }

    [Fact]
    public void Full_forms_fill_the_rest_in_order_and_stop_at_the_first_that_does_not_fit()
    {
        IReadOnlyList<ReportItem>[] lists = [[Item(10, 30), Item(10, 200), Item(10, 30)], [Item(5, 10)]];

        // Briefs 35; first full +20 = 55; the second would need +190; so it and all after it in that list stay brief.
        var levels = DetailBudget.Allot(lists, 70);

        Assert.Equal([Detail.Full, Detail.Brief, Detail.Brief], levels[0]);
        Assert.Equal([Detail.Full], levels[1]);
    }

    [Fact]
    public void Items_that_do_not_fit_even_briefly_are_omitted_from_the_first_that_does_not_fit()
    {
        IReadOnlyList<ReportItem>[] lists = [[Item(10, 10), Item(10, 10), Item(1, 1)]];

        var levels = DetailBudget.Allot(lists, 15);

        Assert.Equal([Detail.Full, Detail.Omitted, Detail.Omitted], levels[0]);
    }

    [Fact]
    public void Sizes_are_counted_in_utf8_bytes()
    {
        IReadOnlyList<ReportItem>[] lists = [[new ReportItem("ééééé", "ééééé")]];

        Assert.Equal([Detail.Omitted], DetailBudget.Allot(lists, 9)[0]);
        Assert.Equal([Detail.Full], DetailBudget.Allot(lists, 10)[0]);
    }
}
