namespace ConfigParser.Tests.Corpus;

/// <summary>A series of edits applied in order; its text form is what a failing property prints.</summary>
internal sealed record Mutation(string File, IReadOnlyList<Edit> Edits)
{
    public string Apply(string text) => Edits.Aggregate(text, (current, edit) => edit.Apply(current));

    public override string ToString() => $"{File}: {string.Join(", ", Edits)}";
}
