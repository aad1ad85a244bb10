using System.Globalization;
using System.Text;

namespace Workflow.Host.Api;

/// <summary>Writes report rows as RFC 4180 CSV: a header line, then one line per row.</summary>
internal static class Csv
{
    public const string MediaType = "text/csv";

    public static IResult Of(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows, string fileName)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', header.Select(Quote))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row.Select(cell => Quote(Format(cell))))).Append("\r\n");
        }

        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), $"{MediaType}; charset=utf-8", fileName);
    }

    private static string Format(object? cell) => cell switch
    {
        null => "",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0
            ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : value;
}
