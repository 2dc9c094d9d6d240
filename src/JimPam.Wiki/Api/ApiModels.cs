using JimPam.Wiki.Data;

namespace JimPam.Wiki.Api;

// The API's documents. Field names are part of the contract: rename nothing, add freely. Every "link" is the
// resource's own absolute address in the API, every "html" its page for people.

public sealed record CharacterRef(string Slug, string Name, string Link);

public sealed record EpisodeRef(string Slug, string Title, int Season, int Number, DateOnly? AirDate, string Link);

public sealed record RelationshipSummary(string Slug, string Title, string Status, IReadOnlyList<CharacterRef> Members, string Link, string Html);

public sealed record RelationshipList(IReadOnlyList<RelationshipSummary> Relationships, string? AsOf);

public sealed record Quote(string Text, string Speaker, EpisodeRef? Episode);

public sealed record Milestone(string Label, string? Status, EpisodeRef? Episode);

public sealed record Joke(int Id, string Markdown, string Html, IReadOnlyList<EpisodeRef> Citations);

public sealed record RelationshipDetail(
    string Slug,
    string Title,
    string Status,
    IReadOnlyList<CharacterRef> Members,
    Quote? Quote,
    string IntroMarkdown,
    string IntroHtml,
    string BehindTheScenesMarkdown,
    string BehindTheScenesHtml,
    IReadOnlyList<Milestone> Milestones,
    IReadOnlyList<Joke> Jokes,
    IReadOnlyList<string> Seasons,
    string? AsOf,
    int HiddenByAsOf,
    string Link,
    string Html);

/// <summary>A relationship's story in time: the seasons it spans, every event at its point, the milestones in the order they happen.</summary>
public sealed record TimelineDocument(
    string Relationship,
    string Title,
    string Status,
    IReadOnlyList<TimelineSeason> Seasons,
    IReadOnlyList<TimelineEvent> Events,
    IReadOnlyList<TimelineMilestone> Milestones,
    string? AsOf,
    int HiddenByAsOf,
    string Link,
    string Html);

/// <summary>A season of the timeline: its first and last air dates (when known) and how many of the relationship's events it holds.</summary>
public sealed record TimelineSeason(int Number, DateOnly? Start, DateOnly? End, int Events, string Link);

/// <summary>An event at its point: the episode (<c>s03e01</c>) a reader must have watched for it to be no spoiler, and that episode's air date.</summary>
public sealed record TimelineEvent(int Id, int Season, int Order, EventKind Kind, string Point, DateOnly? Date, string PageLink);

/// <summary>A milestone at its point; <c>status</c> is the relationship's status from here on, when the milestone sets one.</summary>
public sealed record TimelineMilestone(int Event, string Label, string? Status, string Point, DateOnly? Date, EpisodeRef? Episode, string PageLink);

public sealed record SeasonSummary(int Number, int Episodes, int Events, string Link, string Html);

public sealed record SeasonList(IReadOnlyList<SeasonSummary> Seasons);

public sealed record EventDocument(
    int Id,
    string Relationship,
    int Season,
    int Order,
    EventKind Kind,
    string Markdown,
    string Html,
    Milestone? Milestone,
    IReadOnlyList<EpisodeRef> Citations,
    IReadOnlyList<CharacterRef> Mentions,
    int Revision,
    string PageLink,
    FigureImageDocument? Image = null);

/// <summary>A figure's picture: what the figure says of it, and every stored file of it, by format and width.</summary>
public sealed record FigureImageDocument(string Alt, string? Credit, string CaptionMarkdown, int Width, int Height, string Original, IReadOnlyList<ImageFileDocument> Variants);

public sealed record ImageFileDocument(string Link, string Type, int Width, int Height, long Bytes);

public sealed record SeasonDetail(
    int Number,
    string Summary,
    IReadOnlyList<EpisodeRef> Episodes,
    IReadOnlyList<EventDocument> Events,
    string? AsOf,
    int HiddenByAsOf,
    string? Previous,
    string? Next,
    string Link,
    string Html);

public sealed record EpisodeList(IReadOnlyList<EpisodeRef> Episodes);

public sealed record CitingEvent(int Id, string Relationship, int Season, string Markdown, string Html, string PageLink, string SeasonLink);

public sealed record EpisodeDetail(
    string Slug,
    string Title,
    int Season,
    int Number,
    DateOnly? AirDate,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<CitingEvent> CitingEvents,
    string? AsOf,
    int HiddenByAsOf,
    string Link,
    string Html);

public sealed record CharacterSummary(string Slug, string Name, string? FullName, string? Actor, string Link, string Html, int Mentions);

public sealed record CharacterList(IReadOnlyList<CharacterSummary> Characters);

public sealed record CharacterDetail(
    string Slug,
    string Name,
    string? FullName,
    string? Actor,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<RelationshipSummary> Relationships,
    IReadOnlyList<CitingEvent> Mentions,
    string? AsOf,
    int HiddenByAsOf,
    string Link,
    string Html);

public sealed record Change(string Type, int Id, string Entry, int Revision, string Author, DateTimeOffset SavedAt, string Summary, string History);

public sealed record ChangeList(IReadOnlyList<Change> Changes);

public sealed record SearchHitDocument(string Kind, string Title, string TitleHtml, string SnippetHtml, string Context, string Html);

public sealed record SearchDocumentPage(
    string Query,
    string? Kind,
    int Total,
    bool MoreThanTotal,
    bool AnyOfTheWords,
    IReadOnlyDictionary<string, int> Counts,
    int Page,
    int Pages,
    int HiddenByAsOf,
    string? Message,
    IReadOnlyList<SearchHitDocument> Hits,
    string? Next,
    SearchSuggestion? DidYouMean);

/// <summary>The query with its words that match nothing spelt as the wiki has them, and the search for it.</summary>
public sealed record SearchSuggestion(string Query, string Link);

public sealed record ApiIndex(string Name, IReadOnlyDictionary<string, string> Resources, string OpenApi, string Reference);
