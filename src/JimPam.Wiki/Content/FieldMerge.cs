using System.Text.Json;
using System.Text.Json.Nodes;

namespace JimPam.Wiki.Content;

/// <summary>
/// Merges two edits of a record's fields made from a common base: a field only one side changed takes that side's
/// value; a field both sides changed the same way keeps it; a field both changed differently makes the merge fail.
/// </summary>
public static class FieldMerge
{
    /// <summary>The merged record, or null when both sides changed one field in different ways.</summary>
    public static T? Merge<T>(T baseFields, T theirs, T yours)
        where T : class
    {
        var b = Fields(baseFields);
        var t = Fields(theirs);
        var y = Fields(yours);
        var merged = new JsonObject();
        foreach (var name in t.Select(p => p.Key))
        {
            var (bv, tv, yv) = (Text(b[name]), Text(t[name]), Text(y[name]));
            var value = tv == yv || bv == yv ? t[name] : bv == tv ? y[name] : null;
            if (value is null && !(tv == yv || bv == yv || bv == tv))
            {
                return null;
            }

            merged[name] = value?.DeepClone();
        }

        return merged.Deserialize<T>();
    }

    private static JsonObject Fields<T>(T record) => JsonSerializer.SerializeToNode(record)!.AsObject();

    private static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";
}
