using AngleSharp.Dom;

namespace JimPam.Wiki.Tests.Pages;

public static class StoryText
{
    /// <summary>The text of an event as the article tells it, without the milestone label the page shows above it.</summary>
    public static string TextOfStory(this IElement element)
    {
        var copy = (IElement)element.Clone(deep: true);
        foreach (var tag in copy.QuerySelectorAll(".milestone-tag").ToList())
        {
            tag.Remove();
        }

        return copy.TextContent.Trim();
    }
}
