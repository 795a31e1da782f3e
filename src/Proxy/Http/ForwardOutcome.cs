namespace Proxy.Http;

/// <summary>
/// How a forwarding failure ends for the client: the status HAProxy would send (null: nothing can be sent,
/// e.g. the client left or the response already started) and HAProxy's two termination-state letters.
/// </summary>
internal readonly record struct ForwardOutcome(int? Status, string TerminationState);
