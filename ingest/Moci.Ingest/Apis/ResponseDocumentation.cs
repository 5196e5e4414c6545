using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Moci.Ingest.Apis;

/// <summary>
/// Corrections to the generated OpenAPI description (https://spec.openapis.org/oas/v3.1.0) of answers that one
/// <c>Produces</c> cannot state: an endpoint whose 200 answer has two JSON shapes, and downloads whose body is a file
/// rather than a serialised type.
/// </summary>
internal static class ResponseDocumentation
{
    /// <summary>
    /// Makes the 200 JSON answer of the operation one of <paramref name="shapes"/> (each added to the document's
    /// schemas under its type's name), and each of <paramref name="fileTypes"/> a file (a string of bytes).
    /// </summary>
    public static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> OkAs(Type[] shapes, params string[] fileTypes) =>
        async (operation, context, cancellationToken) =>
        {
            if (operation.Responses?.TryGetValue("200", out var ok) is not true || ok is not OpenApiResponse answer)
            {
                return;
            }

            // A Produces without a type (a download) leaves the answer without content.
            answer.Content ??= new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal);

            if (shapes.Length > 0 && answer.Content.TryGetValue("application/json", out var json))
            {
                var oneOf = new List<IOpenApiSchema>(shapes.Length);
                foreach (var shape in shapes)
                {
                    oneOf.Add(await SchemaOfAsync(shape, context, cancellationToken));
                }

                json.Schema = new OpenApiSchema { OneOf = oneOf };
            }

            foreach (var type in fileTypes)
            {
                answer.Content[type] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            }
        };

    /// <summary>A reference to <paramref name="type"/>'s schema among the document's components, added there on first use.</summary>
    private static async Task<IOpenApiSchema> SchemaOfAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document;
        if (document is null)
        {
            return await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
        }

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        if (!document.Components.Schemas.ContainsKey(type.Name))
        {
            document.AddComponent(type.Name, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
        }

        return new OpenApiSchemaReference(type.Name, document);
    }
}
