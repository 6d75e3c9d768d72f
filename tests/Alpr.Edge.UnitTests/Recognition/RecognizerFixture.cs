using Alpr.Edge.Recognition;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.UnitTests.Recognition;

/// <summary>One recogniser shared by a test class (loading the models takes about a second).</summary>
public sealed class RecognizerFixture : IDisposable
{
    private readonly Lazy<OnnxPlateRecognizer> recognizer = new(() => new OnnxPlateRecognizer(
        Options.Create(new RecognitionOptions { ModelDirectory = FetchedModels.RequireDirectory(), IntraOpThreads = 1 }),
        NullLogger<OnnxPlateRecognizer>.Instance));

    public OnnxPlateRecognizer Recognizer => recognizer.Value;

    public void Dispose()
    {
        if (recognizer.IsValueCreated)
        {
            recognizer.Value.Dispose();
        }
    }
}
