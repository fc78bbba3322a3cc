using System.Buffers;
using System.Text.Json;
using MessagePack;
using MessagePack.Formatters;
using MessagePack.Resolvers;
using Wargame.Domain.Serialization;

namespace Wargame.Server.Hubs;

/// <summary>
/// The MessagePack hub protocol carries Wargame's records in the same shape as JSON (camelCase names, enums as names,
/// polymorphic terms and orders with their discriminator first, dates as ISO strings), so a client decodes the same
/// objects whichever protocol it chose. Each record goes through <see cref="GameJson.Options"/> and is transcoded
/// token by token; everything else (strings, numbers, lists of records) uses MessagePack's standard resolvers.
/// </summary>
internal static class MessagePackWire
{
    public static MessagePackSerializerOptions Options { get; } = MessagePackSerializerOptions.Standard
        .WithResolver(CompositeResolver.Create(JsonShapedResolver.Instance, ContractlessStandardResolver.Instance))
        .WithSecurity(MessagePackSecurity.UntrustedData);

    // Records nest a few levels; a deeper message is refused before it can exhaust the stack.
    private const int MaxDepth = 64;

    /// <summary>Wargame's records, and JsonElement for a client that holds what it receives as JSON.</summary>
    private static bool IsJsonShaped(Type type) =>
        type.Assembly == typeof(GameJson).Assembly || type.Assembly == typeof(MessagePackWire).Assembly || type == typeof(JsonElement);

    private sealed class JsonShapedResolver : IFormatterResolver
    {
        public static readonly JsonShapedResolver Instance = new();

        public IMessagePackFormatter<T>? GetFormatter<T>() => Cache<T>.Formatter;

        private static class Cache<T>
        {
            public static readonly IMessagePackFormatter<T>? Formatter = IsJsonShaped(Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T))
                ? new JsonShapedFormatter<T>()
                : null;
        }
    }

    private sealed class JsonShapedFormatter<T> : IMessagePackFormatter<T>
    {
        public void Serialize(ref MessagePackWriter writer, T value, MessagePackSerializerOptions options)
        {
            using var document = JsonSerializer.SerializeToDocument(value, GameJson.Options);
            Write(ref writer, document.RootElement);
        }

        public T Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
        {
            var json = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(json))
            {
                Read(ref reader, writer, 0);
            }
            return JsonSerializer.Deserialize<T>(json.WrittenSpan, GameJson.Options)!;
        }

        private static void Write(ref MessagePackWriter writer, JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var count = 0;
                    foreach (var _ in element.EnumerateObject())
                        count++;
                    writer.WriteMapHeader(count);
                    foreach (var property in element.EnumerateObject())
                    {
                        writer.Write(property.Name);
                        Write(ref writer, property.Value);
                    }
                    break;
                case JsonValueKind.Array:
                    writer.WriteArrayHeader(element.GetArrayLength());
                    foreach (var item in element.EnumerateArray())
                        Write(ref writer, item);
                    break;
                case JsonValueKind.String:
                    writer.Write(element.GetString());
                    break;
                case JsonValueKind.Number when element.TryGetInt64(out var integer):
                    writer.Write(integer);
                    break;
                case JsonValueKind.Number when element.TryGetUInt64(out var large):
                    writer.Write(large);
                    break;
                case JsonValueKind.Number:
                    writer.Write(element.GetDouble());
                    break;
                case JsonValueKind.True:
                    writer.Write(true);
                    break;
                case JsonValueKind.False:
                    writer.Write(false);
                    break;
                default:
                    writer.WriteNil();
                    break;
            }
        }

        private static void Read(ref MessagePackReader reader, Utf8JsonWriter json, int depth)
        {
            if (depth > MaxDepth)
                throw new MessagePackSerializationException($"A record nests deeper than {MaxDepth} levels.");
            switch (reader.NextMessagePackType)
            {
                case MessagePackType.Map:
                    var properties = reader.ReadMapHeader();
                    json.WriteStartObject();
                    for (var i = 0; i < properties; i++)
                    {
                        json.WritePropertyName(reader.ReadString() ?? throw new MessagePackSerializationException("A property name is nil."));
                        Read(ref reader, json, depth + 1);
                    }
                    json.WriteEndObject();
                    break;
                case MessagePackType.Array:
                    var items = reader.ReadArrayHeader();
                    json.WriteStartArray();
                    for (var i = 0; i < items; i++)
                        Read(ref reader, json, depth + 1);
                    json.WriteEndArray();
                    break;
                case MessagePackType.String:
                    json.WriteStringValue(reader.ReadString());
                    break;
                case MessagePackType.Integer when reader.NextCode == MessagePackCode.UInt64:
                    json.WriteNumberValue(reader.ReadUInt64());
                    break;
                case MessagePackType.Integer:
                    json.WriteNumberValue(reader.ReadInt64());
                    break;
                case MessagePackType.Float:
                    json.WriteNumberValue(reader.ReadDouble());
                    break;
                case MessagePackType.Boolean:
                    json.WriteBooleanValue(reader.ReadBoolean());
                    break;
                case MessagePackType.Nil:
                    reader.ReadNil();
                    json.WriteNullValue();
                    break;
                default:
                    throw new MessagePackSerializationException($"A {reader.NextMessagePackType} value has no place in a Wargame record.");
            }
        }
    }
}
