namespace Proxy.Http;

/// <summary>
/// A connection to a server that was never established: refused/unreachable, or `timeout connect` expired.
/// Thrown by <see cref="UpstreamConnector"/> so the failure is told apart from later ones without guessing from
/// socket errors: nothing of the request left, so it may be retried.
/// </summary>
internal sealed class UpstreamConnectException : Exception
{
    public UpstreamConnectException(bool timedOut, Exception? inner)
        : base(timedOut ? "timeout connect expired" : "connection to the server failed", inner)
        => TimedOut = timedOut;

    public UpstreamConnectException()
        : this(false, null)
    {
    }

    public UpstreamConnectException(string message)
        : base(message)
    {
    }

    public UpstreamConnectException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>True when `timeout connect` expired (sC); false for a refused or failed connect (SC).</summary>
    public bool TimedOut { get; }
}
