using System.Text.Json;
using System.Text.Json.Nodes;

namespace JimPam.Wiki.Content;

/// <summary>
/// Merges two edits of a record's fields made from a common base: a field only one side changed takes that side's
/// value; a field both sides changed the same way keeps it; a text field both changed is merged line by line
/// (<see cref="TextMerge"/>), so edits to different paragraphs of an intro both stay; anything else makes the merge fail.
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
            if (tv == yv || bv == yv || bv == tv)
            {
                merged[name] = (bv == tv ? y[name] : t[name])?.DeepClone();
                continue;
            }

            if (b[name] is JsonValue bt && bt.TryGetValue(out string? baseText) && t[name] is JsonValue tt && tt.TryGetValue(out string? theirText)
                && y[name] is JsonValue yt && yt.TryGetValue(out string? yourText) && TextMerge.Merge(baseText, theirText, yourText) is { } text)
            {
                merged[name] = text;
                continue;
            }

            return null;
        }

        return merged.Deserialize<T>();
    }

    private static JsonObject Fields<T>(T record) => JsonSerializer.SerializeToNode(record)!.AsObject();

    private static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";
}
