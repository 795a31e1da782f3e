namespace Proxy.Transport;

/// <summary>What an <see cref="EpollLoop"/> calls, on its own thread, with the events of a registered descriptor.</summary>
internal interface IEpollHandler
{
    /// <summary>Edge-triggered readiness (EPOLLIN, EPOLLOUT, EPOLLHUP, EPOLLERR, EPOLLRDHUP bits).</summary>
    void OnEvents(uint events);
}
