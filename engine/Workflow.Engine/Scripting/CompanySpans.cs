using Microsoft.CodeAnalysis.Text;

namespace Workflow.Engine.Scripting;

/// <summary>
/// Where the authors' own text stands in the generated rule set, sorted, so that asking whether a node is theirs
/// is a binary search: a set of 2,000 rules has hundreds of thousands of nodes to ask about.
/// </summary>
internal sealed class CompanySpans(IReadOnlyList<(int Start, int End)> spans)
{
    private readonly (int Start, int End)[] _sorted = [.. spans.OrderBy(s => s.Start)];

    public bool Contains(TextSpan span)
    {
        int low = 0, high = _sorted.Length - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (_sorted[middle].Start <= span.Start)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found >= 0 && span.End <= _sorted[found].End;
    }
}
