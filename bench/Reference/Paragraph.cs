namespace JimPam.Bench.Reference;

public sealed class Paragraph
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";
}
