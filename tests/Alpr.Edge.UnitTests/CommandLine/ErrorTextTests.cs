using System.Net.Sockets;
using Alpr.Edge.CommandLine;
using Alpr.Edge.MqttTls;
using MQTTnet.Exceptions;

namespace Alpr.Edge.UnitTests.CommandLine;

public sealed class ErrorTextTests
{
    [Theory]
    [InlineData("Cannot parse argument 'abc' for option '--embedded-broker' as expected type 'System.Nullable`1[System.Int32]'.", "--embedded-broker: 'abc' is not a whole number")]
    [InlineData("Cannot parse argument 'x' for option '--noise' as expected type 'System.Double'.", "--noise: 'x' is not a number, such as 0.5")]
    [InlineData("Failed to convert configuration value '1.5s' at 'Uplink:StatusInterval' to type 'System.TimeSpan'.", "Uplink:StatusInterval: '1.5s' is not a time span: hh:mm:ss or d.hh:mm:ss, such as 00:00:01.5 or 1.00:00:00")]
    [InlineData("Failed to convert configuration value 'maybe' at 'Uplink:Enabled' to type 'System.Boolean'.", "Uplink:Enabled: 'maybe' is not true or false")]
    [InlineData("Unrecognized command or argument '--bogus'.", "Unrecognized command or argument '--bogus'.")]
    public void Conversion_errors_say_what_the_value_should_look_like(string message, string expected)
    {
        Assert.Equal(expected, ParseErrorText.Describe(message));
    }

    [Fact]
    public void A_refused_broker_connection_reads_as_a_person_would_write_it()
    {
        var mqttnet = new MqttCommunicationException("Error while connecting host 'Unspecified/127.0.0.1:1883'.", new SocketException((int)SocketError.ConnectionRefused));

        Assert.Equal("connection refused (nothing listens on that port)", BrokerErrorText.Describe(mqttnet));
        Assert.Equal("host name not found", BrokerErrorText.Describe(new MqttCommunicationException("x", new SocketException((int)SocketError.HostNotFound))));
        Assert.Equal("Error while connecting host '127.0.0.1:1883'.", BrokerErrorText.Describe(new MqttCommunicationException("Error while connecting host 'Unspecified/127.0.0.1:1883'.")));
    }
}
