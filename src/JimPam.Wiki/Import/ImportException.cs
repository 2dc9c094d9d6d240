namespace JimPam.Wiki.Import;

/// <summary>
/// Malformed seed input, located by file, line and (where it helps) column, so an editor can go straight to it:
/// "episodes.csv:5: ..." or "jim-and-pam.article.txt:12:40: ...".
/// </summary>
public sealed class ImportException : Exception
{
    public ImportException(string file, int line, string problem)
        : this(file, line, 0, problem, null)
    {
    }

    public ImportException(string file, int line, string problem, Exception inner)
        : this(file, line, 0, problem, inner)
    {
    }

    public ImportException(string file, int line, int column, string problem, Exception? inner)
        : base(Location(file, line, column) + ": " + problem, inner)
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    public ImportException()
        : this("?", 0, "import failed")
    {
    }

    public ImportException(string message)
        : this("?", 0, message)
    {
    }

    public ImportException(string message, Exception innerException)
        : this("?", 0, message, innerException)
    {
    }

    public string File { get; }
    public int Line { get; }
    public int Column { get; }
    public string Problem { get; }

    private static string Location(string file, int line, int column) =>
        line <= 0 ? file : column <= 0 ? $"{file}:{line}" : $"{file}:{line}:{column}";
}
