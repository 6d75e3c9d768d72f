namespace Alpr.Edge.UnitTests.Recognition;

/// <summary>The model folder copied next to the test assembly; fails (never skips) when the models were not fetched.</summary>
internal static class FetchedModels
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "models");

    public static string RequireDirectory()
    {
        var models = Path.Combine(Directory, "ppocr-v4");
        if (!System.IO.Directory.Exists(models) || !File.Exists(Path.Combine(models, "ch_PP-OCRv4_rec_infer.onnx")))
        {
            Assert.Fail($"recognition models are missing from {models}: run scripts/fetch-models, then rebuild the tests");
        }

        return Directory;
    }
}
