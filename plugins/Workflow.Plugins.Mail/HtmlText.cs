using System.Text;
using MimeKit.Text;

namespace Workflow.Plugins.Mail;

/// <summary>Readable text from an HTML body: text kept, blocks on lines of their own, scripts and styles dropped.</summary>
internal static class HtmlText
{
    private static readonly HashSet<HtmlTagId> Blocks =
    [
        HtmlTagId.P, HtmlTagId.Div, HtmlTagId.Br, HtmlTagId.LI, HtmlTagId.TR, HtmlTagId.H1, HtmlTagId.H2,
        HtmlTagId.H3, HtmlTagId.H4, HtmlTagId.H5, HtmlTagId.H6, HtmlTagId.BlockQuote, HtmlTagId.Pre, HtmlTagId.Table,
        HtmlTagId.UL, HtmlTagId.OL, HtmlTagId.HR,
    ];

    public static string From(string html)
    {
        var text = new StringBuilder();
        var tokenizer = new HtmlTokenizer(new StringReader(html)) { DecodeCharacterReferences = true };
        var hidden = 0;

        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken { Id: HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Head } tag:
                    hidden = Math.Max(0, hidden + (tag.IsEndTag ? -1 : tag.IsEmptyElement ? 0 : 1));
                    break;
                case HtmlTagToken tag when Blocks.Contains(tag.Id):
                    LineBreak(text);
                    if (tag is { Id: HtmlTagId.LI, IsEndTag: false })
                    {
                        text.Append("- ");
                    }

                    break;
                case HtmlDataToken data when hidden == 0:
                    AppendCollapsed(text, data.Data);
                    break;
            }
        }

        return string.Join('\n', text.ToString().Split('\n').Select(l => l.Trim())).Trim();
    }

    private static void LineBreak(StringBuilder text)
    {
        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }
    }

    /// <summary>HTML treats runs of white space as one space; a no-break space is text and stays.</summary>
    private static void AppendCollapsed(StringBuilder text, string data)
    {
        foreach (var c in data)
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                if (text.Length > 0 && text[^1] is not (' ' or '\n'))
                {
                    text.Append(' ');
                }
            }
            else
            {
                text.Append(c);
            }
        }
    }
}
