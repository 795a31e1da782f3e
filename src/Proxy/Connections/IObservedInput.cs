using System.IO.Pipelines;

namespace Proxy.Connections;

/// <summary>
/// What an <see cref="ObservingPipeReader"/> offers the one wrapped around it, so that a stack of them reads
/// its source once, in one layer.
/// </summary>
internal interface IObservedInput
{
    /// <summary>The reader under the whole stack (the connection's own input).</summary>
    PipeReader Source { get; }

    /// <summary>Runs this layer's and the lower layers' before-read hooks; true when any of them observes this read.</summary>
    bool BeforeReadChain();

    /// <summary>Passes a read's result through the lower layers' and then this layer's observation.</summary>
    ReadResult ObserveChain(ReadResult result);
}
