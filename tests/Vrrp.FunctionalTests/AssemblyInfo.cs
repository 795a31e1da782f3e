// The failover tests measure takeover times against tight bounds (Master_Down_Interval + 0.3 s, 1 s after SIGTERM):
// run them one at a time so several VRRP nodes starting together on a 2-core machine do not skew the timings.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
