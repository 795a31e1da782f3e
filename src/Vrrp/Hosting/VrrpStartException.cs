namespace Vrrp.Hosting;

/// <summary>The VRRP service could not open what it needs (raw or netlink sockets); the message says what to fix.</summary>
public sealed class VrrpStartException(string message, Exception inner) : Exception(message, inner);
