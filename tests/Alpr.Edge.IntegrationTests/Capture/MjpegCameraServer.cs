using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.IntegrationTests.Capture;

/// <summary>
/// An IP camera's MJPEG endpoint on a real Kestrel server (port 0): <c>GET /cam.mjpg</c> answers
/// <c>multipart/x-mixed-replace</c> with the given JPEGs in a loop at <paramref name="framesPerSecond"/>. <see cref="GoOffline"/>
/// cuts every open stream and answers 503 until <see cref="GoOnline"/>, as a camera that reboots.
/// </summary>
public sealed class MjpegCameraServer(IReadOnlyList<byte[]> jpegs, double framesPerSecond) : IAsyncDisposable
{
    private const string Boundary = "alprframe";
    private WebApplication? _app;
    private volatile bool _online = true;
    private CancellationTokenSource _cut = new();
    private long _sent;

    public Uri Url { get; private set; } = null!;

    public long FramesSent => Interlocked.Read(ref _sent);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/cam.mjpg", StreamAsync);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Url = new Uri(new Uri(address), "/cam.mjpg");
    }

    public void GoOffline()
    {
        _online = false;
        _cut.Cancel();
    }

    public void GoOnline()
    {
        _cut.Dispose();
        _cut = new CancellationTokenSource();
        _online = true;
    }

    public async ValueTask DisposeAsync()
    {
        _cut.Cancel();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _cut.Dispose();
    }

    private async Task StreamAsync(HttpContext context)
    {
        if (!_online)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _cut.Token);
        context.Response.ContentType = $"multipart/x-mixed-replace; boundary={Boundary}";
        var interval = TimeSpan.FromSeconds(1 / framesPerSecond);
        using var timer = new PeriodicTimer(interval);
        try
        {
            for (var i = 0; ; i++)
            {
                var jpeg = jpegs[i % jpegs.Count];
                var header = System.Text.Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Type: image/jpeg\r\nContent-Length: {jpeg.Length}\r\n\r\n");
                await context.Response.Body.WriteAsync(header, stop.Token);
                await context.Response.Body.WriteAsync(jpeg, stop.Token);
                await context.Response.Body.WriteAsync("\r\n"u8.ToArray(), stop.Token);
                await context.Response.Body.FlushAsync(stop.Token);
                Interlocked.Increment(ref _sent);
                await timer.WaitForNextTickAsync(stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Cut by GoOffline, or the client went away: drop the connection as a rebooting camera does.
            context.Abort();
        }
    }
}
