using System.Text.Json.Nodes;
using Xunit;

namespace Wargame.Domain.Tests.Views;

/// <summary>
/// How a client merges a delta into the JSON view it holds, written from the protocol (docs/hub-protocol.md) without
/// the domain's types, as the browser and the load generator do. The server tests use it too, on what a real
/// SignalR client receives.
/// </summary>
internal static class ClientMerge
{
    public static readonly HashSet<string> Wrapped = ["deadline", "pausedRemainingSeconds", "russianOutlook", "russianBelief"];
    /// <summary>Sections that travel as their changed parts, each wrapped: <c>{ part: { value } }</c>.</summary>
    public static readonly HashSet<string> InParts = ["map"];

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
            else if (InParts.Contains(name))
            {
                var section = next[name]!.AsObject();
                foreach (var (part, changed) in value!.AsObject())
                    section[part] = changed!["value"]?.DeepClone();
            }
            else if (next[name] is JsonArray old && value is JsonObject list)
            {
                var length = (int)list["length"]!;
                var kept = Kept(old, list);
                var items = new JsonArray();
                for (var i = 0; i < Math.Min(length, kept.Count); i++)
                    items.Add(kept[i]?.DeepClone());
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

    /// <summary>
    /// Every section and item <paramref name="delta"/> carries equals the same section or item of
    /// <paramref name="view"/>, its audience's view at the delta's version: it carries nothing else.
    /// </summary>
    public static void AssertCarriesOnly(JsonObject delta, JsonObject view)
    {
        foreach (var (name, value) in delta)
        {
            if (name is "baseVersion")
                continue;
            Assert.True(view.ContainsKey(name), $"the delta carries {name}, which the view has not");
            if (value is JsonObject list && list.ContainsKey("length") && list.ContainsKey("items") && view[name] is JsonArray items)
            {
                Assert.Equal(items.Count, (int)list["length"]!);
                foreach (var item in list["items"]!.AsArray())
                    Assert.True(JsonNode.DeepEquals(item!["item"], items[(int)item["index"]!]), $"{name}[{item["index"]}] differs from the view's");
            }
            else if (Wrapped.Contains(name))
                Assert.True(JsonNode.DeepEquals(value!["value"], view[name]), $"{name} differs from the view's");
            else if (InParts.Contains(name))
            {
                foreach (var (part, changed) in value!.AsObject())
                {
                    Assert.True(view[name]!.AsObject().ContainsKey(part), $"the delta carries {name}.{part}, which the view has not");
                    Assert.True(JsonNode.DeepEquals(changed!["value"], view[name]![part]), $"{name}.{part} differs from the view's");
                }
            }
            else
                Assert.True(JsonNode.DeepEquals(value, view[name]), $"{name} differs from the view's");
        }
    }

    /// <summary>
    /// What <paramref name="delta"/> carries that <paramref name="held"/> (the view it applies to) already holds, as
    /// "section" or "section[index]": a resend that costs bytes and tells the client nothing.
    /// </summary>
    public static IEnumerable<string> Resent(JsonObject delta, JsonObject held)
    {
        foreach (var (name, value) in delta)
        {
            if (name is "audience" or "baseVersion" or "version")
                continue;
            if (value is JsonObject list && list.ContainsKey("length") && list.ContainsKey("items") && held[name] is JsonArray old)
            {
                var kept = Kept(old, list);
                foreach (var item in list["items"]!.AsArray())
                {
                    var index = (int)item!["index"]!;
                    if (index < kept.Count && JsonNode.DeepEquals(kept[index], item["item"]))
                        yield return $"{name}[{index}]";
                }
            }
            else if (InParts.Contains(name))
            {
                foreach (var (part, changed) in value!.AsObject())
                {
                    if (JsonNode.DeepEquals(changed!["value"], held[name]![part]))
                        yield return $"{name}.{part}";
                }
            }
            else if (Wrapped.Contains(name) ? JsonNode.DeepEquals(value!["value"], held[name]) : JsonNode.DeepEquals(value, held[name]))
                yield return name;
        }
    }

    /// <summary>The old list without the items the delta removes ("removed": their indices in the old list).</summary>
    private static List<JsonNode?> Kept(JsonArray old, JsonObject list)
    {
        var removed = list["removed"]?.AsArray().Select(i => (int)i!).ToHashSet() ?? [];
        return [.. old.Where((_, i) => !removed.Contains(i))];
    }
}
