using System.Text.Json.Nodes;

namespace Wargame.Domain.Tests.Views;

/// <summary>
/// How a client merges a delta into the JSON view it holds, written from the protocol (docs/hub-protocol.md) without
/// the domain's types, as the browser and the load generator do. The server tests use it too, on what a real
/// SignalR client receives.
/// </summary>
internal static class ClientMerge
{
    public static readonly HashSet<string> Wrapped = ["deadline", "pausedRemainingSeconds", "russianOutlook"];

    public static JsonObject Apply(JsonObject view, JsonObject delta)
    {
        if ((int)view["version"]! != (int)delta["baseVersion"]!)
            throw new InvalidOperationException($"gap: holding version {view["version"]}, the delta is from {delta["baseVersion"]}");
        var next = view.DeepClone().AsObject();
        foreach (var (name, value) in delta)
        {
            if (name is "audience" or "baseVersion")
                continue;
            if (Wrapped.Contains(name))
                next[name] = value!["value"]?.DeepClone();
            else if (next[name] is JsonArray old && value is JsonObject list)
            {
                var length = (int)list["length"]!;
                var items = new JsonArray();
                for (var i = 0; i < Math.Min(length, old.Count); i++)
                    items.Add(old[i]?.DeepClone());
                foreach (var change in list["items"]!.AsArray())
                {
                    var index = (int)change!["index"]!;
                    if (index < items.Count)
                        items[index] = change["item"]!.DeepClone();
                    else
                        items.Add(change["item"]!.DeepClone());
                }
                next[name] = items;
            }
            else
                next[name] = value?.DeepClone();
        }
        return next;
    }
}
