using Alpr.Edge.Firmware.Tracking;
using Alpr.Edge.Recognition;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Firmware;

public sealed class PlateTrackerTests
{
    private const string Camera = "cam0";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly List<TrackedRead> _reads = [];
    private readonly PlateTracker _tracker;

    public PlateTrackerTests()
    {
        _tracker = new PlateTracker(new TrackingOptions(), _clock);
    }

    [Fact]
    public void A_vehicle_pass_seen_in_many_frames_yields_one_read()
    {
        for (var i = 0; i < 20; i++)
        {
            Frame(TimeSpan.FromMilliseconds(100), Plate(i % 4 == 3 ? "7ABC128" : "7ABC123", 0.9, x: 100 + (i * 30)));
        }

        EmptyFrames(30, TimeSpan.FromMilliseconds(100));
        _reads.AddRange(_tracker.Flush());

        var read = Assert.Single(_reads);
        Assert.Equal("7ABC123", read.Text);
        Assert.Contains(read.Alternatives, a => a.Text == "7ABC128");
    }

    [Fact]
    public void A_short_pass_is_read_once_it_has_been_gone_for_the_gap()
    {
        Frame(TimeSpan.FromMilliseconds(100), Plate("7ABC123", 0.9));
        Frame(TimeSpan.FromMilliseconds(100), Plate("7ABC123", 0.9, x: 140));
        Assert.Empty(_reads);

        EmptyFrames(20, TimeSpan.FromMilliseconds(100));

        Assert.Equal("7ABC123", Assert.Single(_reads).Text);
        Assert.Equal(0, _tracker.OpenTracks);
    }

    [Fact]
    public void A_slow_recogniser_that_misses_one_frame_does_not_split_a_pass()
    {
        // 1.6 s between recognised frames: longer than the gap, but only one frame without the plate.
        Frame(TimeSpan.FromSeconds(1.6), Plate("7ABC123", 0.9));
        Frame(TimeSpan.FromSeconds(1.6));
        Frame(TimeSpan.FromSeconds(1.6), Plate("7ABC123", 0.9, x: 600));
        EmptyFrames(3, TimeSpan.FromSeconds(1.6));

        var read = Assert.Single(_reads);
        Assert.Equal(2, read.Sightings);
    }

    [Fact]
    public void A_parked_car_seen_every_second_for_four_minutes_yields_one_read()
    {
        for (var i = 0; i < 240; i++)
        {
            Frame(TimeSpan.FromSeconds(1), Plate("PARK001", 0.95));
        }

        EmptyFrames(5, TimeSpan.FromSeconds(1));

        Assert.Equal("PARK001", Assert.Single(_reads).Text);
    }

    [Fact]
    public void A_parked_car_is_read_again_after_the_longest_track_life_when_one_is_set()
    {
        var tracker = new PlateTracker(new TrackingOptions { MaxTrackLife = TimeSpan.FromMinutes(5) }, _clock);
        for (var i = 0; i < 11 * 60; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            _reads.AddRange(tracker.Observe(Camera, _clock.GetUtcNow(), [Plate("PARK001", 0.95)]));
        }

        Assert.Equal(3, _reads.Count);
        Assert.All(_reads, r => Assert.Equal("PARK001", r.Text));
        Assert.True(_reads[1].CapturedAt - _reads[0].CapturedAt >= TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void A_car_parked_for_thirty_minutes_yields_one_read_through_misreads_misses_and_a_passing_truck()
    {
        for (var second = 0; second < 30 * 60; second++)
        {
            var hidden = second % 300 is >= 100 and < 140; // a truck stands in front for 40 s every 5 minutes
            var missed = second % 7 is 3 or 4;             // the recogniser misses it in two frames in a row, often
            var text = (second % 11) switch
            {
                0 => "P4RK0D1",                              // two characters misread: too far for the edit rule, but in place
                5 => "PARK00I",
                _ => "PARK001",
            };
            Frame(TimeSpan.FromSeconds(1), hidden || missed ? [] : [Plate(text, second % 11 == 0 ? 0.6 : 0.9)]);
        }

        var read = Assert.Single(_reads);
        Assert.Equal("PARK001", read.Text);
        Assert.Equal(1, _tracker.OpenTracks);
    }

    [Fact]
    public void A_parked_car_that_leaves_and_comes_back_is_read_again()
    {
        for (var second = 0; second < 20 * 60; second++)
        {
            Frame(TimeSpan.FromSeconds(1), Plate("PARK001", 0.9));
        }

        EmptyFrames(3 * 60, TimeSpan.FromSeconds(1));
        Assert.Equal(0, _tracker.OpenTracks);
        for (var second = 0; second < 60; second++)
        {
            Frame(TimeSpan.FromSeconds(1), Plate("PARK001", 0.9));
        }

        Assert.Equal(2, _reads.Count);
        Assert.All(_reads, r => Assert.Equal("PARK001", r.Text));
    }

    [Fact]
    public void Another_car_in_a_parked_cars_spot_is_read_at_once()
    {
        for (var second = 0; second < 60; second++)
        {
            Frame(TimeSpan.FromSeconds(1), Plate("PARK001", 0.9));
        }

        EmptyFrames(5, TimeSpan.FromSeconds(1));
        for (var second = 0; second < 10; second++)
        {
            Frame(TimeSpan.FromSeconds(1), Plate("8XYZ765", 0.9));
        }

        Assert.Equal(["PARK001", "8XYZ765"], _reads.Select(r => r.Text));
    }

    [Fact]
    public void A_noisy_pass_in_which_no_frame_read_the_plate_right_is_read_right()
    {
        string[] frames = ["7ABC128", "1ABC123", "7A8C123", "7ABG123"];
        for (var i = 0; i < frames.Length; i++)
        {
            Frame(TimeSpan.FromMilliseconds(100), Plate(frames[i], 0.8, x: 100 + (i * 30)));
        }

        EmptyFrames(20, TimeSpan.FromMilliseconds(100));

        var read = Assert.Single(_reads);
        Assert.Equal("7ABC123", read.Text);
        Assert.Equal(0, read.AgreeingSightings);
        Assert.Equal(4, read.Sightings);
        Assert.Contains(read.Alternatives, a => a.Text == "7ABC128"); // the majority (here: the first of four single readings)
    }

    [Fact]
    public void A_garbled_reading_where_the_plate_just_was_joins_its_track()
    {
        Frame(TimeSpan.FromMilliseconds(100), Plate("7ABC123", 0.9, x: 100));
        Frame(TimeSpan.FromMilliseconds(100), Plate("C77", 0.3, x: 130));
        Frame(TimeSpan.FromMilliseconds(100), Plate("7ABC123", 0.9, x: 160));
        _reads.AddRange(_tracker.Flush());

        var read = Assert.Single(_reads);
        Assert.Equal("7ABC123", read.Text);
        Assert.Equal(3, read.Sightings);
    }

    [Fact]
    public void A_different_plate_in_a_spot_left_for_some_frames_is_another_vehicle()
    {
        Frame(TimeSpan.FromMilliseconds(100), Plate("7ABC123", 0.9));
        EmptyFrames(2, TimeSpan.FromMilliseconds(100));
        Frame(TimeSpan.FromMilliseconds(100), Plate("4XYZ567", 0.9));
        _reads.AddRange(_tracker.Flush());

        Assert.Equal(["4XYZ567", "7ABC123"], _reads.Select(r => r.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Two_noisy_plates_side_by_side_in_one_pass_are_read_apart()
    {
        string[][] frames = [["7ABC128", "4XYZ567"], ["7ABC123", "4XY2567"], ["7A8C123", "4XYZ567"], ["7ABC123", "AXYZ567"]];
        for (var i = 0; i < frames.Length; i++)
        {
            Frame(TimeSpan.FromMilliseconds(100), Plate(frames[i][0], 0.8, x: 100 + (i * 30)), Plate(frames[i][1], 0.8, x: 700 + (i * 30)));
        }

        _reads.AddRange(_tracker.Flush());

        Assert.Equal(["4XYZ567", "7ABC123"], _reads.Select(r => r.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Confident_characters_outvote_a_less_confident_majority_and_Majority_keeps_the_choice_before_fusion()
    {
        PlateReading Weak() => Plate("7ABC128", 0.6) with { CharacterConfidences = [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.2] };
        PlateReading Strong() => Plate("7ABC123", 0.9) with { CharacterConfidences = [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.95] };
        PlateReading[] frames = [Weak(), Strong(), Weak(), Strong(), Weak()];
        TrackedRead ReadWith(PlateFusionMethod method)
        {
            var tracker = new PlateTracker(new TrackingOptions { Fusion = method }, _clock);
            var reads = frames.SelectMany(plate =>
            {
                _clock.Advance(TimeSpan.FromMilliseconds(100));
                return tracker.Observe(Camera, _clock.GetUtcNow(), [plate]);
            }).ToList();
            return Assert.Single(reads);
        }

        var voted = ReadWith(PlateFusionMethod.Vote);
        var majority = ReadWith(PlateFusionMethod.Majority);
        var bestFrame = ReadWith(PlateFusionMethod.BestFrame);

        Assert.Equal("7ABC123", voted.Text);
        Assert.Contains(voted.Alternatives, a => a.Text == "7ABC128");
        Assert.Equal("7ABC128", majority.Text);
        Assert.Equal(3, majority.AgreeingSightings);
        Assert.Equal(PlateTextFusion.WholeTextConfidence(3, 1.8, 5), majority.Confidence, precision: 9); // as before fusion
        Assert.Equal(new[] { "7ABC123" }, majority.Alternatives.Select(a => a.Text));
        Assert.Equal("7ABC123", bestFrame.Text);
    }

    [Fact]
    public void Agreement_across_frames_raises_confidence_and_disagreement_lowers_it()
    {
        var single = new PlateTracker(new TrackingOptions(), _clock);
        single.Observe(Camera, _clock.GetUtcNow(), [Plate("7ABC123", 0.8)]);
        var oneFrame = Assert.Single(single.Flush());

        for (var i = 0; i < 4; i++)
        {
            Frame(TimeSpan.FromMilliseconds(100), Plate("7ABC123", 0.8));
        }

        var agreeing = Assert.Single(_tracker.Flush());

        var mixed = new PlateTracker(new TrackingOptions(), _clock);
        foreach (var text in new[] { "7ABC123", "7ABC128", "7ABC123", "7ABC128" })
        {
            _clock.Advance(TimeSpan.FromMilliseconds(100));
            mixed.Observe(Camera, _clock.GetUtcNow(), [Plate(text, 0.8)]);
        }

        var disagreeing = Assert.Single(mixed.Flush());

        Assert.Equal(0.8, oneFrame.Confidence, precision: 6);
        Assert.True(agreeing.Confidence > 0.85, $"four agreeing frames gave {agreeing.Confidence}");
        Assert.True(disagreeing.Confidence < oneFrame.Confidence, $"a split vote gave {disagreeing.Confidence}");
    }

    [Fact]
    public void The_majority_text_wins_over_a_single_more_confident_misread()
    {
        Frame(TimeSpan.FromMilliseconds(100), Plate("7ABC123", 0.7));
        Frame(TimeSpan.FromMilliseconds(100), Plate("7ABC128", 0.99));
        Frame(TimeSpan.FromMilliseconds(100), Plate("7ABC123", 0.7));
        Frame(TimeSpan.FromMilliseconds(100), Plate("7ABC123", 0.7));

        var read = Assert.Single(_tracker.Flush());

        Assert.Equal("7ABC123", read.Text);
        Assert.Equal(3, read.AgreeingSightings);
        Assert.Equal(4, read.Sightings);
    }

    [Fact]
    public void Two_vehicles_in_the_same_frames_yield_two_reads()
    {
        for (var i = 0; i < 6; i++)
        {
            Frame(TimeSpan.FromMilliseconds(100), Plate("7ABC123", 0.9, x: 100 + (i * 20)), Plate("4XYZ567", 0.9, x: 900 - (i * 20)));
        }

        EmptyFrames(20, TimeSpan.FromMilliseconds(100));

        Assert.Equal(["4XYZ567", "7ABC123"], _reads.Select(r => r.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_plate_cut_off_at_the_frame_edge_joins_the_vehicle_it_belongs_to()
    {
        Frame(TimeSpan.FromMilliseconds(100), Plate("M6221", 0.99, x: 258));
        for (var i = 0; i < 3; i++)
        {
            Frame(TimeSpan.FromMilliseconds(100), Plate("UYM6221", 1.0, x: 218 + (i * 10)));
        }

        var read = Assert.Single(_tracker.Flush());
        Assert.Equal("UYM6221", read.Text);
        Assert.Contains(read.Alternatives, a => a.Text == "M6221");
    }

    [Fact]
    public void A_short_text_inside_another_plate_far_away_is_another_vehicle()
    {
        Frame(TimeSpan.FromMilliseconds(100), Plate("UYM6221", 1.0, x: 0));
        Frame(TimeSpan.FromMilliseconds(100), Plate("UYM6221", 1.0, x: 0), Plate("M6221", 0.9, x: 2000));

        Assert.Equal(2, _tracker.Flush().Count);
    }

    [Fact]
    public void A_near_text_far_away_in_the_frame_is_another_vehicle()
    {
        Frame(TimeSpan.FromMilliseconds(100), Plate("7ABC123", 0.9, x: 0));
        Frame(TimeSpan.FromMilliseconds(100), Plate("7ABC123", 0.9, x: 0), Plate("7ABC128", 0.9, x: 2000));

        Assert.Equal(2, _tracker.Flush().Count);
    }

    [Fact]
    public void The_same_text_found_twice_in_one_frame_counts_once()
    {
        Frame(TimeSpan.FromMilliseconds(100), Plate("7ABC123", 0.9, x: 100), Plate("7ABC123", 0.6, x: 110));

        var read = Assert.Single(_tracker.Flush());
        Assert.Equal(1, read.Sightings);
    }

    [Fact]
    public void Tracks_close_when_the_camera_stops_sending_frames()
    {
        Frame(TimeSpan.FromMilliseconds(100), Plate("7ABC123", 0.9));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(_tracker.Expire());

        _clock.Advance(new TrackingOptions().StallClose);

        Assert.Equal("7ABC123", Assert.Single(_tracker.Expire()).Text);
    }

    private void Frame(TimeSpan after, params IReadOnlyList<PlateReading> plates)
    {
        _clock.Advance(after);
        _reads.AddRange(_tracker.Observe(Camera, _clock.GetUtcNow(), plates));
    }

    private void EmptyFrames(int count, TimeSpan interval)
    {
        for (var i = 0; i < count; i++)
        {
            Frame(interval);
        }
    }

    private static PlateReading Plate(string text, double confidence, int x = 100) =>
        new() { Text = text, Confidence = confidence, Box = new PlateRegion(x, 400, 200, 100) };
}
