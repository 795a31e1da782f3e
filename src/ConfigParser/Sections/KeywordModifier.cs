namespace ConfigParser.Sections;

/// <summary>The `no` / `default` prefix of a line (haproxy 2.6 src/cfgparse.c readcfgfile, KWM_NO / KWM_DEF).</summary>
internal enum KeywordModifier
{
    /// <summary>No prefix.</summary>
    None,

    /// <summary>`no KEYWORD …`: disables what the keyword enables.</summary>
    No,

    /// <summary>`default KEYWORD …`: restores the value from the defaults section.</summary>
    Default,
}
