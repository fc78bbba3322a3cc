using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Wargame.Domain.Roles;
using Wargame.Server.Games;
using Wargame.Server.Hubs;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Hosting;

/// <summary>The "Wargame.Server" meter: where an accepted command's time and allocations go, stage by stage.</summary>
public sealed class CommandMetricsTests
{
    [Fact]
    public async Task AnAcceptedCommand_RecordsEveryStageOfItsPath_InTheGrainAndOnTheNode()
    {
        await using var server = await RunningServer.Start();
        var factory = server.App.Services.GetRequiredService<IMeterFactory>();
        var durations = new ConcurrentBag<(string Stage, string Command, double Ms)>();
        var allocations = new ConcurrentBag<(string Stage, string Command, long Bytes)>();
        using var listener = new MeterListener
        {
            // Only this server's meter: other tests' servers in the same process record on meters of their own factories.
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == CommandMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<double>((_, ms, tags, _) => durations.Add((Tag(tags, "stage"), Tag(tags, "command"), ms)));
        listener.SetMeasurementEventCallback<long>((_, bytes, tags, _) => allocations.Add((Tag(tags, "stage"), Tag(tags, "command"), bytes)));
        listener.Start();

        var table = await Table.Seat(server);
        var posted = await table.Players[Role.UA].PostMessage(new MessageRequest([], "Measured"));
        Assert.True(posted.Accepted, posted.Message);
        await table.Players[Role.RU].WaitForView(v => v.Version >= posted.Version);
        // The node's send finishes after the push went out; give it a moment to record.
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!durations.Any(d => d.Stage == CommandMetrics.Stages.NodeSend && d.Command == "Update"))
            await Task.Delay(20, wait.Token);

        string[] grainStages = [CommandMetrics.Stages.Decide, CommandMetrics.Stages.Append, CommandMetrics.Stages.Views, CommandMetrics.Stages.Deltas,
            CommandMetrics.Stages.Publish, CommandMetrics.Stages.Total];
        Assert.Equal(grainStages.Order(), durations.Where(d => d.Command == "PostMessage").Select(d => d.Stage).Distinct().Order());
        Assert.All(durations, d => Assert.True(d.Ms >= 0, $"{d.Stage} of {d.Command}: {d.Ms} ms"));
        Assert.Contains(durations, d => d.Stage == CommandMetrics.Stages.NodeApply && d.Command == "Update");
        // Allocations are counted for the synchronous stages only (append and total cross threads).
        Assert.Equal([CommandMetrics.Stages.Decide, CommandMetrics.Stages.Deltas, CommandMetrics.Stages.Publish, CommandMetrics.Stages.Views],
            allocations.Where(a => a.Command == "PostMessage").Select(a => a.Stage).Distinct().Order());
        Assert.True(allocations.Single(a => a is { Command: "PostMessage", Stage: CommandMetrics.Stages.Views }).Bytes > 0, "building views allocates");
    }

    private static string Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
                return (string)tag.Value!;
        }
        return "";
    }
}
