namespace Proxy.Logging;

/// <summary>The built-in access-log layouts of haproxy 2.6 (src/log.c default formats; spec §4.3), as format strings.</summary>
internal static class LogFormats
{
    /// <summary>`option tcplog`.</summary>
    public const string Tcp = "%ci:%cp [%t] %ft %b/%s %Tw/%Tc/%Tt %B %ts %ac/%fc/%bc/%sc/%rc %sq/%bq";

    /// <summary>`option httplog`.</summary>
    public const string Http = "%ci:%cp [%tr] %ft %b/%s %TR/%Tw/%Tc/%Tr/%Ta %ST %B %CC %CS %tsc %ac/%fc/%bc/%sc/%rc %sq/%bq %hr %hs %{+Q}r";

    /// <summary>`option httplog clf`.</summary>
    public const string HttpClf = "%{+Q}o %{-Q}ci - - [%trg] %r %ST %B \"\" \"\" %cp %ms %ft %b %s %TR %Tw %Tc %Tr %Ta %tsc %ac %fc %bc %sc %rc %sq %bq %CC %CS %hrl %hsl";

    /// <summary>`option httpslog`.</summary>
    public const string Https = Http + " %[fc_err]/%[ssl_fc_err,hex]/%[ssl_c_err]/%[ssl_c_ca_err]/%[ssl_fc_is_resumed] %[ssl_fc_sni]/%sslv/%sslc";
}
