using NetVips;

// PictureMaker FOLDER COUNT WIDTH HEIGHT: COUNT different JPEG photographs of WIDTH x HEIGHT (colour gradients under
// fine noise, each with a noise of its own, so no two share a hash), and one PNG of 1 x 40,000,000 pixels, whose few
// bytes claim a picture that a decoder takes seconds to read.
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: PictureMaker FOLDER COUNT WIDTH HEIGHT");
    return 2;
}

static int Number(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
var (folder, count, width, height) = (args[0], Number(args[1]), Number(args[2]), Number(args[3]));
Directory.CreateDirectory(folder);
for (var i = 0; i < count; i++)
{
    using var x = Image.Xyz(width, height);
    using var gradient = (x[0] / width * 180 + 40).Bandjoin(x[1] / height * 120 + 60, (x[0] + x[1]) / (width + height) * -150 + 200);
    using var noise = Image.Gaussnoise(width, height, sigma: 12, mean: 0, seed: i + 1);
    using var photo = (gradient + noise).Cast(Enums.BandFormat.Uchar);
    photo.Jpegsave(Path.Combine(folder, $"photo-{i:00}.jpg"), q: 90);
}

using (var line = Image.Black(1, 40_000_000))
{
    line.Pngsave(Path.Combine(folder, "line.png"), compression: 9);
}

return 0;
