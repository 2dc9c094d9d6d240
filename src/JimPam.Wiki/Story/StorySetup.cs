using JimPam.Wiki.Entries;

namespace JimPam.Wiki.Story;

public static class StorySetup
{
    /// <summary>Registers what keeps every event's and joke's place in the story after each write (<see cref="StoryPlacement"/>).</summary>
    public static IServiceCollection AddStory(this IServiceCollection services) => services.AddAfterWrite<StoryPlacement>();
}
