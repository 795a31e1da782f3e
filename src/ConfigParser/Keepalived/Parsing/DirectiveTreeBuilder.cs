using ConfigParser.Diagnostics;
using ConfigParser.Keepalived.Lexing;
using ConfigParser.Keepalived.Model;

namespace ConfigParser.Keepalived.Parsing;

/// <summary>
/// Groups logical lines into blocks with <see cref="KeywordSchema"/>, as keepalived's table-driven reader does.
/// Observed with keepalived 2.2.7: an unknown keyword followed by `{` draws "Unknown keyword 'x'" and
/// "Unexpected '{' - ignoring" and does NOT skip the block, so its `}` closes the enclosing block instead; a `}`
/// at the top level draws "Unknown keyword '}'". Messages about `global_defs` come from keepalived's parent process,
/// which prints "(Line N)" without the file name (<see cref="LocationPrefix.Bracket"/> here).
/// </summary>
internal sealed class DirectiveTreeBuilder
{
    private readonly IReadOnlyList<KeepalivedLine> _lines;
    private readonly DiagnosticBag _diagnostics;
    private int _position;
    private SourceLocation? _lastClose;

    private DirectiveTreeBuilder(IReadOnlyList<KeepalivedLine> lines, DiagnosticBag diagnostics)
    {
        _lines = lines;
        _diagnostics = diagnostics;
    }

    /// <summary>The top-level directives of the lines.</summary>
    public static List<KeepalivedDirective> Build(IReadOnlyList<KeepalivedLine> lines, DiagnosticBag diagnostics)
        => new DirectiveTreeBuilder(lines, diagnostics).ReadBlock(BlockKind.Root, LocationPrefix.Parsing);

    private List<KeepalivedDirective> ReadBlock(BlockKind kind, LocationPrefix prefix)
    {
        var result = new List<KeepalivedDirective>();
        while (_position < _lines.Count)
        {
            var line = _lines[_position++];
            var keyword = line.Words[0];
            if (keyword == "}")
            {
                if (kind != BlockKind.Root)
                {
                    _lastClose = line.Location;
                    return result;
                }

                Unknown(line.Location, keyword, prefix);
                continue;
            }

            var opens = line.Words[^1] == "{";
            var arguments = line.Words.Skip(1).Take(line.Words.Count - (opens ? 2 : 1)).ToArray();
            if (kind == BlockKind.List)
            {
                if (keyword != "{")
                {
                    result.Add(new KeepalivedDirective(keyword, arguments, line.Location, []));
                }

                continue;
            }

            if (keyword == "{" || !KeywordSchema.TryGet(kind, keyword, out var child))
            {
                Unknown(line.Location, keyword, prefix);
                if (opens && keyword != "{")
                {
                    _diagnostics.Warning(line.Location, "Unexpected '{' - ignoring", keyword, prefix);
                }

                continue;
            }

            if (child is null)
            {
                result.Add(new KeepalivedDirective(keyword, arguments, line.Location, []));
                continue;
            }

            var braceNext = _position < _lines.Count && _lines[_position].Words is ["{"];
            if (!opens && !braceNext && child != BlockKind.List && kind == BlockKind.Root)
            {
                // Observed: at the top level, "(file: Line N) Missing '{' at beginning of configuration block" about
                // the next line, which is then read at the top level (the block stays, empty).
                var at = _position < _lines.Count ? _lines[_position].Location : line.Location;
                _diagnostics.Warning(at, "Missing '{' at beginning of configuration block", keyword, prefix);
                result.Add(new KeepalivedDirective(keyword, arguments, line.Location, []));
                continue;
            }

            if (!opens && braceNext)
            {
                _position++;
            }
            var doubleClose = !opens && !braceNext;
            if (doubleClose && child != BlockKind.List && _position < _lines.Count)
            {
                // Observed: inside a block, a sub-block without its brace (`real_server A P` then `weight 1`, or
                // `HTTP_GET` then `url {`) draws the same message about the next line; the block is then read anyway,
                // that line included.
                _diagnostics.Warning(_lines[_position].Location, "Missing '{' at beginning of configuration block", keyword, prefix);
            }

            var childPrefix = child == BlockKind.GlobalDefs ? LocationPrefix.Bracket : prefix;
            _lastClose = null;
            var children = ReadBlock(child.Value, childPrefix);
            var end = _lastClose;
            result.Add(new KeepalivedDirective(keyword, arguments, line.Location, children) { End = end });
            _lastClose = null;
            if (doubleClose && end is not null && kind != BlockKind.Root)
            {
                // Observed: the `}` that ends a block opened without `{` also ends the enclosing block.
                _lastClose = end;
                return result;
            }
        }

        return result;
    }

    private void Unknown(SourceLocation at, string keyword, LocationPrefix prefix)
        => _diagnostics.Warning(at, $"Unknown keyword '{keyword}'", keyword, prefix);
}
