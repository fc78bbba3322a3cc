using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Wargame.Server.Hubs;

namespace Wargame.Server.Api;

/// <summary>
/// Makes /openapi/v1.json the whole wire contract, hub included, so clients generate their types from one document
/// (clients/web commits it as openapi.json). The hub's methods and messages become two schemas, GameHub and
/// GameClient: one property per method, holding its named <c>arguments</c> in call order and what it <c>returns</c>.
/// Every record they name (views, results, seat lists, requests) joins the components.
/// </summary>
internal sealed class WireContract : IOpenApiDocumentTransformer, IOpenApiSchemaTransformer
{
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.AddComponent("GameHub", await Methods(typeof(GameHub), "The SignalR hub at /hubs/game: what a client may invoke.", document, context, cancellationToken));
        document.AddComponent("GameClient", await Methods(typeof(IGameClient), "What the hub sends a connected client.", document, context, cancellationToken));
    }

    /// <summary>
    /// The server writes numbers as numbers and every property, null or not (DefaultIgnoreCondition.Never), except
    /// those marked to be left out when null (a view delta's unchanged sections): those are optional.
    /// </summary>
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        // Web defaults also read numbers from strings; that leniency is not what the server sends.
        if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        // An enum reached first through a nullable property (Audience.Role) would list null among its values; the
        // property already says null or the enum (oneOf), so the shared enum lists only the values.
        if (schema.Enum is { Count: > 0 } values && values.Any(v => v is null))
            schema.Enum = [.. values.Where(v => v is not null)];
        if (schema.Properties is { Count: > 0 } properties)
        {
            var optional = context.JsonTypeInfo.Properties.Where(LeftOutWhenNull).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            schema.Required = new SortedSet<string>(properties.Keys.Where(k => !optional.Contains(k)), StringComparer.Ordinal);
        }
        return Task.CompletedTask;
    }

    private static bool LeftOutWhenNull(JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true)
            .OfType<JsonIgnoreAttribute>().Any(a => a.Condition == JsonIgnoreCondition.WhenWritingNull) == true;

    private static async Task<OpenApiSchema> Methods(Type hub, string description, OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var methods = new Dictionary<string, IOpenApiSchema>();
        var declared = hub.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == hub)
            .OrderBy(m => m.MetadataToken);
        foreach (var method in declared)
        {
            var arguments = new Dictionary<string, IOpenApiSchema>();
            foreach (var parameter in method.GetParameters())
                arguments[parameter.Name!] = await Reference(parameter.ParameterType, document, context, cancellationToken);
            var returns = method.ReturnType.IsGenericType ? method.ReturnType.GetGenericArguments()[0] : null;
            var call = new Dictionary<string, IOpenApiSchema> { ["arguments"] = Object(arguments) };
            if (returns is not null)
                call["returns"] = await Reference(returns, document, context, cancellationToken);
            methods[method.Name] = Object(call);
        }
        var schema = Object(methods);
        schema.Description = description;
        return schema;
    }

    private static OpenApiSchema Object(Dictionary<string, IOpenApiSchema> properties) => new()
    {
        Type = JsonSchemaType.Object,
        Properties = properties,
        Required = new SortedSet<string>(properties.Keys, StringComparer.Ordinal),
    };

    private static async Task<IOpenApiSchema> Reference(Type type, OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken) =>
        Componentize(await context.GetOrCreateSchemaAsync(type, cancellationToken: cancellationToken), document);

    /// <summary>
    /// A schema made here comes back whole; like the endpoints' own, each named type in it becomes a component
    /// referenced by its schema id (a nullable one as oneOf null or the reference).
    /// </summary>
    private static IOpenApiSchema Componentize(IOpenApiSchema schema, OpenApiDocument document)
    {
        if (schema is not OpenApiSchema inline)
            return schema;
        var schemaId = inline.Metadata?.TryGetValue("x-schema-id", out var id) == true && id is string { Length: > 0 } s ? s : null;
        var nullable = schemaId is not null && (inline.Type?.HasFlag(JsonSchemaType.Null) == true || inline.Enum?.Any(v => v is null) == true
            || inline.Metadata?.TryGetValue("x-is-nullable-property", out var flag) == true && flag is true);
        if (schemaId is not null && document.Components?.Schemas?.ContainsKey(schemaId) != true)
        {
            if (nullable)
            {
                inline.Type &= ~JsonSchemaType.Null;
                inline.Enum = inline.Enum?.Where(v => v is not null).ToList();
            }
            document.AddComponent(schemaId, inline);
            Children(inline, document);
        }
        else if (schemaId is null)
        {
            Children(inline, document);
            return inline;
        }
        var reference = new OpenApiSchemaReference(schemaId, document);
        return nullable ? new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, reference] } : reference;
    }

    private static void Children(OpenApiSchema schema, OpenApiDocument document)
    {
        if (schema.Properties is { } properties)
            foreach (var name in properties.Keys.ToList())
                properties[name] = Componentize(properties[name], document);
        if (schema.Items is { } items)
            schema.Items = Componentize(items, document);
        if (schema.AdditionalProperties is { } values)
            schema.AdditionalProperties = Componentize(values, document);
        foreach (var list in new[] { schema.AnyOf, schema.OneOf, schema.AllOf })
            for (var i = 0; list is not null && i < list.Count; i++)
                list[i] = Componentize(list[i], document);
    }
}
