using System.Net.Sockets;
using System.Security.Authentication;

namespace Alpr.Edge.MqttTls;

/// <summary>
/// A failed broker connection said as a person would: <c>connection refused (nothing listens on that port)</c>, not
/// MQTTnet's <c>Error while connecting host 'Unspecified/127.0.0.1:1883'</c>.
/// </summary>
public static class BrokerErrorText
{
    /// <summary>One line for <paramref name="exception"/>, from its innermost socket or TLS cause where there is one.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection refused (nothing listens on that port)",
                    SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host name not found",
                    SocketError.TimedOut => "no answer (timed out)",
                    SocketError.NetworkUnreachable or SocketError.HostUnreachable => "network or host unreachable",
                    SocketError.ConnectionReset or SocketError.ConnectionAborted => "the broker closed the connection",
                    _ => socket.Message,
                };
            }

            if (cause is AuthenticationException tls)
            {
                return $"TLS failed: {tls.Message}";
            }
        }

        var text = exception.InnerException is { } inner && exception.Message.Length < 40 ? $"{exception.Message} ({inner.Message})" : exception.Message;
        return text.Replace("Unspecified/", string.Empty, StringComparison.Ordinal).ReplaceLineEndings(" ");
    }
}
