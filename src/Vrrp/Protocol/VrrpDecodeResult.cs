namespace Vrrp.Protocol;

/// <summary>The outcome of decoding or validating an advert: the advert, or why it was refused.</summary>
/// <param name="Advert">The advert when <paramref name="Reason"/> is None (decoding may also fill it on later refusals).</param>
/// <param name="Reason">Why it was refused; None when accepted.</param>
/// <param name="Detail">A short human-readable explanation for logs (keepalived-style wording, our sentences).</param>
public readonly record struct VrrpDecodeResult(VrrpAdvert? Advert, VrrpRejectReason Reason, string Detail)
{
    /// <summary>True when accepted.</summary>
    public bool IsValid => Reason == VrrpRejectReason.None && Advert is not null;

    internal static VrrpDecodeResult Reject(VrrpRejectReason reason, string detail, VrrpAdvert? advert = null) => new(advert, reason, detail);
}
