namespace JimPam.Wiki.Infrastructure;

/// <summary>Marks an endpoint of the JSON API: its answers get an ETag (<see cref="PageETags"/>) and problem documents.</summary>
public sealed class ApiResource;
