namespace Proxy.Http;

/// <summary>
/// How a forwarding failure ends for the client: the status HAProxy would send (null: nothing can be sent,
/// e.g. the client left or the response already started), HAProxy's two termination-state letters, and the
/// failure in `retry-on`'s terms.
/// </summary>
internal readonly record struct ForwardOutcome(int? Status, string TerminationState, UpstreamFailure Failure = UpstreamFailure.Other);
