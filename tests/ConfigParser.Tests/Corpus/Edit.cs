namespace ConfigParser.Tests.Corpus;

/// <summary>One edit; positions beyond the current text are clamped (or the edit does nothing).</summary>
internal sealed record Edit(EditKind Kind, int At, char C)
{
    public string Apply(string text)
    {
        var at = Math.Min(At, text.Length);
        return Kind switch
        {
            EditKind.Insert => text.Insert(at, C.ToString()),
            EditKind.Replace when at < text.Length => text.Remove(at, 1).Insert(at, C.ToString()),
            EditKind.Delete when at < text.Length => text.Remove(at, 1),
            EditKind.DuplicateLine or EditKind.DropLine => ApplyToLine(text),
            _ => text,
        };
    }

    public override string ToString() => Kind switch
    {
        EditKind.DuplicateLine or EditKind.DropLine => $"{Kind} line {At + 1}",
        EditKind.Delete => $"Delete at {At}",
        _ => $"{Kind} U+{(int)C:X4} at {At}",
    };

    private string ApplyToLine(string text)
    {
        // Lines keep their own LF, so dropping or repeating one keeps the rest of the file's line ends intact.
        var lines = SplitKeepingLf(text);
        if (At >= lines.Count)
        {
            return text;
        }

        if (Kind == EditKind.DuplicateLine)
        {
            var line = lines[At].EndsWith('\n') ? lines[At] : lines[At] + "\n";
            lines.Insert(At, line);
        }
        else
        {
            lines.RemoveAt(At);
        }

        return string.Concat(lines);
    }

    private static List<string> SplitKeepingLf(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }
}
