namespace ConfigParser.Lexing;

/// <summary>What the reader does after a line it handled itself (the labels of haproxy 2.6 readcfgfile).</summary>
internal enum DirectiveOutcome
{
    /// <summary>Go on with the next line.</summary>
    Continue,

    /// <summary>Stop reading this file, then run the end-of-file checks (missing LF, open ".if" blocks).</summary>
    StopReading,

    /// <summary>Stop at once without the end-of-file checks ("goto err").</summary>
    Abort,
}
