using Booking.Web.Export;

namespace Booking.Tests.Api;

/// <summary>How one value becomes a CSV cell: quoted per RFC 4180, and never a formula a spreadsheet would run.</summary>
public sealed class BookingCsvTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("plain text", "plain text")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+33 6 12", "'+33 6 12")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("a=b", "a=b")]
    public void A_value_becomes_a_cell_quoted_when_needed_and_never_a_formula(string? value, string cell)
    {
        Assert.Equal(cell, BookingCsv.Cell(value));
    }
}
