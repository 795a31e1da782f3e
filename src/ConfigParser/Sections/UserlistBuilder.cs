using ConfigParser.Diagnostics;
using ConfigParser.Lexing;
using ConfigParser.Model;

namespace ConfigParser.Sections;

/// <summary>
/// One `userlist` section while its `user` and `group` lines are read (haproxy 2.6 src/cfgparse.c cfg_parse_users),
/// frozen into a <see cref="UserlistSection"/> once every group and user is known.
/// </summary>
internal sealed class UserlistBuilder(string name, SourceLocation location)
{
    private readonly List<(SourceLocation At, string Name, string? Password, bool Insecure, string[] Groups)> _users = [];
    private readonly List<(SourceLocation At, string Name, string[] Users)> _groups = [];

    public string Name { get; } = name;

    /// <summary>Reads one line of the section.</summary>
    public void Add(ConfigLine line, DiagnosticBag diagnostics)
    {
        switch (line.Keyword)
        {
            case "user":
                AddUser(line, diagnostics);
                break;
            case "group":
                AddGroup(line, diagnostics);
                break;
            default:
                diagnostics.Alert(line.Location, $"unknown keyword '{line.Keyword}' in 'users' section", line.Keyword, LocationPrefix.ParsingTight);
                break;
        }
    }

    /// <summary>The section, or null after an alert for a group that does not exist.</summary>
    public UserlistSection? Build(DiagnosticBag diagnostics)
    {
        var groups = _groups.Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        var users = new List<UserDefinition>(_users.Count);
        var valid = true;
        foreach (var user in _users)
        {
            foreach (var group in user.Groups.Where(g => !groups.Contains(g)))
            {
                diagnostics.Alert(null, $"userlist '{Name}': no such group '{group}' specified in user '{user.Name}'", "user");
                valid = false;
            }

            string[] memberOf = [.. user.Groups.Concat(_groups.Where(g => g.Users.Contains(user.Name, StringComparer.Ordinal)).Select(g => g.Name)).Distinct(StringComparer.Ordinal)];
            users.Add(new UserDefinition(user.At, user.Name, user.Password, user.Insecure, memberOf));
        }

        foreach (var (_, group, members) in _groups)
        {
            foreach (var member in members.Where(m => !_users.Any(u => u.Name == m)))
            {
                diagnostics.Alert(null, $"userlist '{Name}': no such user '{member}' specified in group '{group}'", "group");
                valid = false;
            }
        }

        return valid ? new UserlistSection(location, Name, users, [.. groups]) : null;
    }

    private void AddUser(ConfigLine line, DiagnosticBag diagnostics)
    {
        if (line[1].Length == 0)
        {
            diagnostics.Alert(line.Location, "'user' expects <name> as arguments.", "user", LocationPrefix.ParsingTight);
            return;
        }

        string? password = null;
        var insecure = false;
        string[] groups = [];
        for (var i = 2; i < line.Count; i += 2)
        {
            switch (line[i])
            {
                case "password" or "insecure-password":
                    password = line[i + 1];
                    insecure = line[i] == "insecure-password";
                    break;
                case "groups":
                    groups = line[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries);
                    break;
                default:
                    diagnostics.Alert(line.Location, "'user' only supports 'password', 'insecure-password' and 'groups' options.", "user", LocationPrefix.ParsingTight);
                    return;
            }
        }

        if (_users.Any(u => u.Name == line[1]))
        {
            diagnostics.Warning(line.Location, $"ignoring duplicated user '{line[1]}' in userlist '{Name}'.", "user", LocationPrefix.ParsingTight);
            return;
        }

        _users.Add((line.Location, line[1], password, insecure, groups));
    }

    private void AddGroup(ConfigLine line, DiagnosticBag diagnostics)
    {
        if (line[1].Length == 0)
        {
            diagnostics.Alert(line.Location, "'group' expects <name> as arguments.", "group", LocationPrefix.ParsingTight);
            return;
        }

        string[] users = [];
        for (var i = 2; i < line.Count; i += 2)
        {
            if (line[i] != "users")
            {
                diagnostics.Alert(line.Location, "'group' only supports 'users' option.", "group", LocationPrefix.ParsingTight);
                return;
            }

            users = line[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries);
        }

        if (_groups.Any(g => g.Name == line[1]))
        {
            diagnostics.Warning(line.Location, $"ignoring duplicated group '{line[1]}' in userlist '{Name}'.", "group", LocationPrefix.ParsingTight);
            return;
        }

        _groups.Add((line.Location, line[1], users));
    }
}
