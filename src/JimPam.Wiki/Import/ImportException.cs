namespace JimPam.Wiki.Import;

/// <summary>Malformed seed input, located by file and line so an editor can go straight to it.</summary>
public sealed class ImportException : Exception
{
    public ImportException(string file, int line, string problem)
        : base(line > 0 ? $"{file}:{line}: {problem}" : $"{file}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    public ImportException(string file, int line, string problem, Exception inner)
        : base(line > 0 ? $"{file}:{line}: {problem}" : $"{file}: {problem}", inner)
    {
        File = file;
        Line = line;
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
    public string Problem { get; }
}
