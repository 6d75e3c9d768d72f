namespace Alpr.Edge.IntegrationTests;
