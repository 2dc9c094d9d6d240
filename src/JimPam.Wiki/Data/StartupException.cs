namespace JimPam.Wiki.Data;

/// <summary>
/// A reason the wiki cannot start that the operator can fix: the message names the file or setting and says
/// what to do. Start-up logs it as one line, without a stack trace, and the process exits non-zero.
/// </summary>
public sealed class StartupException : Exception
{
    public StartupException()
    {
    }

    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
