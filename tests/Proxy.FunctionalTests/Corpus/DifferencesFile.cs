namespace Proxy.FunctionalTests.Corpus;

/// <summary>Reads and writes tests/corpus-differences.tsv (a header line, then one row per file, sorted).</summary>
internal static class DifferencesFile
{
    public const string Header = "file\treference\tproxy\treason";

    public static IReadOnlyDictionary<string, DifferenceRow> Read(string path)
    {
        var rows = new Dictionary<string, DifferenceRow>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return rows;
        }

        foreach (var line in File.ReadLines(path).Skip(1).Where(l => l.Trim().Length > 0 && !l.StartsWith('#')))
        {
            var cells = line.Split('\t');
            if (cells.Length != 4)
            {
                throw new InvalidDataException($"{path}: expected 4 tab-separated columns: {line}");
            }

            rows[cells[0]] = new DifferenceRow(cells[0], cells[1], cells[2], cells[3]);
        }

        return rows;
    }

    public static void Write(string path, IEnumerable<DifferenceRow> rows)
        => File.WriteAllLines(path, [Header, .. rows.OrderBy(r => r.File, StringComparer.Ordinal).Select(r => r.ToTsv())]);
}
