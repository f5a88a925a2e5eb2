namespace Program287g.Agreement;

/// <summary>Names this service's assembly: the entry point the service tests' WebApplicationFactory starts.</summary>
public sealed class AgreementServiceMarker;
