namespace ConfigParser.Model.Conditions;

/// <summary>One value an ACL compares its sample with, already checked for the ACL's match method.</summary>
/// <param name="Text">The pattern as written (after any `eq/ge/gt/le/lt` operator was folded into a range).</param>
public abstract record AclPattern(string Text);
