using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Wargame.Domain.Serialization;

namespace Wargame.Domain.Game;

/// <summary>
/// The state hash (OpenRA's [Sync], "hash what you mean"): SHA-256 over an explicit, versioned list of the fields that
/// make up a game, each written in the log's JSON shape. A replay that rebuilds the same game gets the same hash on
/// every run; a field added to <see cref="GameState"/> is hashed only once it is listed here (a test insists that every
/// field is either listed or named as derived).
/// </summary>
internal static class StateHash
{
    /// <summary>The version of the list below; change it whenever the list changes.</summary>
    public const int Version = 3;

    private delegate void Write(Utf8JsonWriter writer, GameState state);

    private static readonly (string Field, Write Write)[] Fields =
    [
        (nameof(GameState.Format), (w, s) => w.WriteNumberValue(s.Format)),
        (nameof(GameState.Scenario), (w, s) => Json(w, s.Scenario)),
        (nameof(GameState.Seed), (w, s) => w.WriteNumberValue(s.Seed)),
        (nameof(GameState.Version), (w, s) => w.WriteNumberValue(s.Version)),
        (nameof(GameState.Turn), (w, s) => w.WriteNumberValue(s.Turn)),
        (nameof(GameState.Phase), (w, s) => Json(w, s.Phase)),
        (nameof(GameState.Paused), (w, s) => w.WriteBooleanValue(s.Paused)),
        (nameof(GameState.Deadline), (w, s) => Json(w, s.Deadline)),
        (nameof(GameState.PausedRemainingSeconds), (w, s) => Json(w, s.PausedRemainingSeconds)),
        (nameof(GameState.DeadlinePresets), (w, s) => Json(w, s.DeadlinePresets)),
        (nameof(GameState.Ended), (w, s) => w.WriteBooleanValue(s.Ended)),
        (nameof(GameState.Revealed), (w, s) => w.WriteBooleanValue(s.Revealed)),
        (nameof(GameState.Messages), (w, s) => Json(w, s.Messages)),
        (nameof(GameState.SubmittedOrders), (w, s) => Json(w, s.SubmittedOrders)),
        (nameof(GameState.StandingOrders), (w, s) => Json(w, s.StandingOrders)),
        (nameof(GameState.World), (w, s) => Json(w, s.World)),
        (nameof(GameState.WorldBeforeResolution), (w, s) => Json(w, s.WorldBeforeResolution)),
        (nameof(GameState.ResolvedOrders), (w, s) => Json(w, s.ResolvedOrders)),
        (nameof(GameState.Outcomes), (w, s) => Json(w, s.Outcomes)),
        (nameof(GameState.Injects), (w, s) => Json(w, s.Injects)),
    ];

    /// <summary>Fields of the state that are derived from the listed ones (or from the scenario), so not hashed.</summary>
    public static IReadOnlyList<string> Derived { get; } = [nameof(GameState.ViewVersions), nameof(GameState.AgreementOrder), nameof(GameState.Constants)];

    public static IEnumerable<string> Hashed => Fields.Select(f => f.Field);

    public static string Of(GameState state)
    {
        using var sink = new HashingWriter();
        using (var writer = new Utf8JsonWriter(sink))
        {
            writer.WriteStartObject();
            writer.WriteNumber("stateHash", Version);
            foreach (var (field, write) in Fields)
            {
                writer.WritePropertyName(field);
                write(writer, state);
            }
            writer.WriteEndObject();
        }
        return Convert.ToHexStringLower(sink.Hash());
    }

    private static void Json<T>(Utf8JsonWriter writer, T value) => JsonSerializer.Serialize(writer, value, GameJson.Options);

    /// <summary>Feeds what the JSON writer writes straight into SHA-256 through one small buffer, so hashing a long game allocates little.</summary>
    private sealed class HashingWriter : IBufferWriter<byte>, IDisposable
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private byte[] _buffer = new byte[16 * 1024];

        public void Advance(int count) => _hash.AppendData(_buffer, 0, count);

        public Memory<byte> GetMemory(int sizeHint = 0) => Buffer(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Buffer(sizeHint);

        public byte[] Hash() => _hash.GetHashAndReset();

        public void Dispose() => _hash.Dispose();

        private byte[] Buffer(int sizeHint)
        {
            if (sizeHint > _buffer.Length)
                _buffer = new byte[sizeHint];
            return _buffer;
        }
    }
}
