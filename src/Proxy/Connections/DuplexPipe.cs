using System.IO.Pipelines;

namespace Proxy.Connections;

/// <summary>A connection's transport with one side (or both) wrapped by a connection middleware.</summary>
internal sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
{
    public PipeReader Input { get; } = input;

    public PipeWriter Output { get; } = output;
}
