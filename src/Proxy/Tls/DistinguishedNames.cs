using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Proxy.Tls;

/// <summary>A distinguished name in haproxy 2.6's default `ssl_c_s_dn` form: "/C=FR/O=Example/CN=name", in certificate order.</summary>
internal static class DistinguishedNames
{
    public static string Format(X500DistinguishedName name)
    {
        var text = new StringBuilder();
        foreach (var part in name.EnumerateRelativeDistinguishedNames(reversed: false))
        {
            var type = part.GetSingleElementType().Value switch
            {
                "2.5.4.3" => "CN",
                "2.5.4.6" => "C",
                "2.5.4.7" => "L",
                "2.5.4.8" => "ST",
                "2.5.4.10" => "O",
                "2.5.4.11" => "OU",
                "1.2.840.113549.1.9.1" => "emailAddress",
                var other => other,
            };
            text.Append('/').Append(type).Append('=').Append(part.GetSingleElementValue());
        }

        return text.ToString();
    }
}
