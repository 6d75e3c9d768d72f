using Alpr.Edge.Recognition.Detection;
using Alpr.Edge.Recognition.PostProcessing;
using Alpr.Edge.Recognition.Reading;
using SkiaSharp;

namespace Alpr.Edge.UnitTests.Recognition;

public sealed class PlateCandidateSelectorTests
{
    [Fact]
    public void Other_text_on_the_same_plate_is_not_reported_as_a_second_plate()
    {
        var lines = new[]
        {
            Line("SUNTRUP", 0.99f, x: 120, y: 150, width: 100, height: 20),
            Line("7ABC123", 0.95f, x: 100, y: 100, width: 160, height: 45),
        };

        var plates = PlateCandidateSelector.Select(lines, 1280, 720, minScore: 0.3);

        Assert.Equal("7ABC123", Assert.Single(plates).Text);
    }

    [Fact]
    public void Two_plates_apart_are_both_reported_best_first()
    {
        var lines = new[]
        {
            Line("4XYZ987", 0.80f, x: 800, y: 400, width: 150, height: 42),
            Line("7ABC123", 0.95f, x: 100, y: 100, width: 160, height: 45),
        };

        var plates = PlateCandidateSelector.Select(lines, 1280, 720, minScore: 0.3);

        Assert.Equal(["7ABC123", "4XYZ987"], plates.Select(p => p.Text));
    }

    [Fact]
    public void A_state_name_alone_is_not_a_plate()
    {
        var plates = PlateCandidateSelector.Select([Line("TEXAS", 0.99f, x: 100, y: 100, width: 90, height: 30)], 1280, 720, minScore: 0.3);

        Assert.Empty(plates);
    }

    private static TextLine Line(string text, float confidence, float x, float y, float width, float height)
    {
        var confidences = Enumerable.Repeat(confidence, text.Length).ToArray();
        var reading = new CtcDecoding(text, confidences, new string('0', text.Length), new float[text.Length]);
        return new TextLine(new TextBox(Quad.FromRect(SKRect.Create(x, y, width, height)), 0.9f), reading);
    }
}
