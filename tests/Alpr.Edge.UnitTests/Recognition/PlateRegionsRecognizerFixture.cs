using Alpr.Edge.Recognition;

namespace Alpr.Edge.UnitTests.Recognition;

/// <summary>One recogniser on a <see cref="PlateRegionsModelFolder"/> (fixture plate detector, fp32 plate-rec), shared by a test class.</summary>
public sealed class PlateRegionsRecognizerFixture : IDisposable
{
    private readonly PlateRegionsModelFolder folder = PlateRegionsModelFolder.Create();
    private readonly Lazy<OnnxPlateRecognizer> recognizer;

    public PlateRegionsRecognizerFixture()
    {
        recognizer = new(folder.OpenRecognizer);
    }

    public OnnxPlateRecognizer Recognizer => recognizer.Value;

    public void Dispose()
    {
        if (recognizer.IsValueCreated)
        {
            recognizer.Value.Dispose();
        }

        folder.Dispose();
    }
}
