namespace Alpr.Edge.IntegrationTests.Bridge;

/// <summary>A user made for a test: its name, password and authenticator key.</summary>
public sealed record TestAccount(string UserName, string Password, string AuthenticatorKey);
