using ConfigParser.Diagnostics;
using ConfigParser.Model.Conditions;

namespace ConfigParser.Conditions;

/// <summary>
/// HAProxy 2.6's predefined ACLs (configuration.txt §7.4; src/acl.c `default_acl_list`), parsed once like any ACL.
/// A proxy's own `acl` of the same name takes precedence.
/// </summary>
internal static class PredefinedAcls
{
    private static readonly Dictionary<string, string[]> Definitions = new(StringComparer.Ordinal)
    {
        ["TRUE"] = ["always_true"],
        ["FALSE"] = ["always_false"],
        ["LOCALHOST"] = ["src", "127.0.0.1/8", "::1"],
        ["HTTP"] = ["req.proto_http"],
        ["HTTP_1.0"] = ["req.ver", "1.0"],
        ["HTTP_1.1"] = ["req.ver", "1.1"],
        ["HTTP_2.0"] = ["req.ver", "2.0"],
        ["METH_CONNECT"] = ["method", "CONNECT"],
        ["METH_DELETE"] = ["method", "DELETE"],
        ["METH_GET"] = ["method", "GET", "HEAD"],
        ["METH_HEAD"] = ["method", "HEAD"],
        ["METH_OPTIONS"] = ["method", "OPTIONS"],
        ["METH_POST"] = ["method", "POST"],
        ["METH_PUT"] = ["method", "PUT"],
        ["METH_TRACE"] = ["method", "TRACE"],
        ["HTTP_URL_ABS"] = ["url_reg", "^[^/:]*://"],
        ["HTTP_URL_SLASH"] = ["url_beg", "/"],
        ["HTTP_URL_STAR"] = ["url", "*"],
        ["HTTP_CONTENT"] = ["req.hdr_val(content-length)", "gt", "0"],
        ["RDP_COOKIE"] = ["req.rdp_cookie_cnt", "gt", "0"],
        ["REQ_CONTENT"] = ["req.len", "gt", "0"],
        ["WAIT_END"] = ["wait_end"],
    };

    private static readonly Dictionary<string, PredefinedAcl> Parsed = Definitions.ToDictionary(
        d => d.Key,
        d => new PredefinedAcl(d.Key, AclCriterionParser.Parse(d.Value, d.Key, new DiagnosticBag()).Criterion!),
        StringComparer.Ordinal);

    /// <summary>Every predefined name.</summary>
    public static IEnumerable<string> Names => Definitions.Keys;

    /// <summary>The predefined ACL of that name (case-sensitive), or null.</summary>
    public static PredefinedAcl? Find(string name) => Parsed.GetValueOrDefault(name);
}
