using Alpr.Edge.Recognition;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.UnitTests.Recognition;

/// <summary>One recogniser on the default (committed int8) model set, shared by a test class (loading takes about a second).</summary>
public sealed class RecognizerFixture : IDisposable
{
    private readonly Lazy<OnnxPlateRecognizer> recognizer = new(() => new OnnxPlateRecognizer(
        Options.Create(new RecognitionOptions { ModelDirectory = FetchedModels.Directory, IntraOpThreads = 1 }),
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
