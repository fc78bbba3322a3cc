using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wargame.Domain.Serialization;

/// <summary>The one JSON shape for events, commands' payloads, views and saved games (camelCase, enums as names).</summary>
public static class GameJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
