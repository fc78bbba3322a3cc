using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Wargame.Server.Games;

/// <summary>
/// Where an accepted command's time and allocations go, by stage and command kind, on the "Wargame.Server" meter
/// (read with dotnet-counters or any OpenTelemetry exporter; docs/capacity.md). Recording costs a timestamp and a
/// thread allocation counter per stage, and nothing more while no listener is attached.
/// </summary>
internal sealed class CommandMetrics
{
    public const string MeterName = "Wargame.Server";

    /// <summary>Stages of a command in its game's grain (decide, append, views, deltas, publish) and on a node (apply, send).</summary>
    public static class Stages
    {
        public const string Decide = "decide";
        public const string Append = "append";
        public const string Views = "views";
        public const string Deltas = "deltas";
        public const string Publish = "publish";
        public const string Total = "total";
        public const string NodeApply = "node-apply";
        public const string NodeSend = "node-send";
    }

    private readonly Histogram<double> _duration;
    private readonly Histogram<long> _allocated;

    public CommandMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _duration = meter.CreateHistogram<double>("wargame.command.duration", "ms",
            "Time a command spent in one stage (wall clock; CPU for every stage but append and node-send).");
        _allocated = meter.CreateHistogram<long>("wargame.command.allocated", "By",
            "Bytes a command's synchronous stage allocated on its thread.");
    }

    /// <summary>True while some listener records: callers may skip building tags.</summary>
    public bool Enabled => _duration.Enabled || _allocated.Enabled;

    public static Mark Now() => new(Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());

    /// <summary>Records the time and allocations since <paramref name="start"/> (allocations only when still on its thread).</summary>
    public void Record(string stage, string command, Mark start, bool sameThread = true)
    {
        if (!Enabled)
            return;
        var stageTag = new KeyValuePair<string, object?>("stage", stage);
        var commandTag = new KeyValuePair<string, object?>("command", command);
        _duration.Record(Stopwatch.GetElapsedTime(start.Timestamp).TotalMilliseconds, stageTag, commandTag);
        if (sameThread)
            _allocated.Record(GC.GetAllocatedBytesForCurrentThread() - start.Allocated, stageTag, commandTag);
    }

    /// <summary>Records a stage's summed time and allocations (a stage made of several pieces, such as every audience's view).</summary>
    public void Record(string stage, string command, Span span)
    {
        if (!Enabled || span.Count == 0)
            return;
        var stageTag = new KeyValuePair<string, object?>("stage", stage);
        var commandTag = new KeyValuePair<string, object?>("command", command);
        _duration.Record(Stopwatch.GetElapsedTime(0, span.Ticks).TotalMilliseconds, stageTag, commandTag);
        _allocated.Record(span.Allocated, stageTag, commandTag);
    }

    /// <summary>A point in time and the thread's allocation count then.</summary>
    public readonly record struct Mark(long Timestamp, long Allocated);

    /// <summary>Sums of several pieces of one stage.</summary>
    public struct Span
    {
        public long Ticks { get; private set; }

        public long Allocated { get; private set; }

        public int Count { get; private set; }

        public void Add(Mark start)
        {
            Ticks += Stopwatch.GetTimestamp() - start.Timestamp;
            Allocated += GC.GetAllocatedBytesForCurrentThread() - start.Allocated;
            Count++;
        }
    }
}
