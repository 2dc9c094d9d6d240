using System.ComponentModel.DataAnnotations;
using JimPam.Wiki.Data;
using JimPam.Wiki.Media;
using JimPam.Wiki.Story;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace JimPam.Wiki.Pages.Admin.Events;

/// <summary>
/// The picture part of the figure forms: a file to upload, the picture the figure has (or was just given), its alt
/// text and credit, and a box to take it out. Shown by <c>_ImageFields.cshtml</c>. An upload is taken into the media as
/// soon as the form arrives, so a form shown again (a missing alt text, a conflict) keeps it without a second upload.
/// </summary>
public sealed class ImageFields
{
    public const string Accept = "image/jpeg,image/png,image/webp,image/avif,image/gif";

    [Display(Name = "Picture (JPEG, PNG, WebP, AVIF or GIF, at most 20 MB)")]
    public IFormFile? File { get; set; }

    /// <summary>The picture the figure shows (or will once saved); empty for the placeholder.</summary>
    public int? ImageId { get; set; }

    [StringLength(FigureImage.AltMaxLength, ErrorMessage = "The alt text is too long: at most 1,000 characters.")]
    [Display(Name = "Alt text: what is in the picture")]
    public string? Alt { get; set; }

    [StringLength(FigureImage.CreditMaxLength, ErrorMessage = "The credit is too long: at most 500 characters.")]
    [Display(Name = "Credit: who made it, or where it comes from (optional)")]
    public string? Credit { get; set; }

    [Display(Name = "Take the picture out (the figure shows its placeholder again)")]
    public bool Remove { get; set; }

    /// <summary>The picture as readers will see it, shown beside the fields.</summary>
    [BindNever]
    public FigurePicture? Current { get; set; }

    /// <summary>The fields of a figure as it is now.</summary>
    public static async Task<ImageFields> OfAsync(WikiDbContext db, int eventId, CancellationToken cancellationToken) =>
        await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new ImageFields { ImageId = e.ImageId, Alt = e.ImageAlt, Credit = e.ImageCredit })
            .FirstOrDefaultAsync(cancellationToken) ?? new ImageFields();

    /// <summary>
    /// Takes the form's upload, if any, into the media (a refusal goes next to the file field, and nothing is stored),
    /// applies "take it out", and asks for the alt text a picture needs. <paramref name="prefix"/> is the fields' name
    /// in the form ("Form.Image").
    /// </summary>
    public async Task ReceiveAsync(ImageLibrary library, ModelStateDictionary state, string prefix, string editor, CancellationToken cancellationToken)
    {
        // A form sent with no file chosen has no file part, or one with neither a name nor bytes.
        if (File is { } upload && (upload.Length > 0 || upload.FileName.Length > 0))
        {
            await using var stream = upload.OpenReadStream();
            var result = await library.UploadAsync(stream, upload.Length, editor, cancellationToken);
            if (result.Refusal is { } refusal)
            {
                state.AddModelError($"{prefix}.{nameof(File)}", refusal);
            }
            else
            {
                (ImageId, Remove) = (result.ImageId, false);
            }
        }

        if (Remove)
        {
            (ImageId, Alt, Credit) = (null, null, null);
        }

        // The hidden field shows the picture decided here, not the one the form came with.
        state.Remove($"{prefix}.{nameof(ImageId)}");
        state.Remove($"{prefix}.{nameof(Remove)}");
        if (ImageId is not null && string.IsNullOrWhiteSpace(Alt) && state.GetFieldValidationState($"{prefix}.{nameof(Alt)}") != ModelValidationState.Invalid)
        {
            state.AddModelError($"{prefix}.{nameof(Alt)}", "Say what is in the picture: readers who cannot see it read this instead.");
        }
    }

    /// <summary>Reads the picture to show beside the fields.</summary>
    public async Task LoadCurrentAsync(WikiDbContext db, CancellationToken cancellationToken)
    {
        var id = ImageId;
        Current = id is null ? null : await db.Images.AsNoTracking().Where(i => i.Id == id)
            .Select(i => FigurePicture.Of(i.Id, i.Width, i.Height, Alt, Credit, i.Original, i.VariantsJson))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public FigureImage ToImage() => new(ImageId, Alt, Credit);
}
