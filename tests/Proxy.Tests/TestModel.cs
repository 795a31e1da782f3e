using ConfigParser.Diagnostics;
using ConfigParser.Model;
using Proxy.Runtime;

namespace Proxy.Tests;

/// <summary>Small builders for model and runtime objects used across unit tests.</summary>
internal static class TestModel
{
    public static readonly SourceLocation At = new("test.cfg", 1);

    public static ServerState Server(string name, int weight, int index, int? port = 80)
        => new(new ServerDefinition(At, name, "127.0.0.1", port, weight), index);

    public static ServerState[] Servers(params int[] weights)
        => [.. weights.Select((w, i) => Server($"s{i + 1}", w, i))];
}
