namespace Program287g.Contracts.Mailbox;

/// <summary>A signed document attached to an email, as its bytes.</summary>
public sealed record MailedDocument(string FileName, string ContentType, byte[] Data);

/// <summary>The mailbox received an agency's application: a signed Letter of Interest and a signed MOA for a model,
/// from an address that belongs to the agency (or filed by staff for it). The Agreement service makes the application,
/// or answers with <see cref="MailedApplicationNotTaken"/>.</summary>
public sealed record ApplicationReceivedByMail : IntegrationEvent
{
    public required MailOrigin Mail { get; init; }
    public required Guid AgencyId { get; init; }
    /// <summary>"JEM", "TFM" or "WSO".</summary>
    public required string Model { get; init; }
    public required MailedDocument LetterOfInterest { get; init; }
    public required MailedDocument Moa { get; init; }
    /// <summary>"mailbox" when the intake filed it, or the staff member who did.</summary>
    public required string Actor { get; init; }
}

/// <summary>The Agreement service could not make an application from the email (the agency is not a law enforcement
/// agency, or already has an open application for the model; beside an agreement in force the email is its renewal):
/// the email becomes an inquiry for staff.</summary>
public sealed record MailedApplicationNotTaken : IntegrationEvent
{
    public required MailOrigin Mail { get; init; }
    public required Guid AgencyId { get; init; }
    public required string Model { get; init; }
    public required string Reason { get; init; }
}

/// <summary>An email that continues an application's or agreement's correspondence (it quotes its reference number,
/// or replies to one of its emails): it joins the record's history.</summary>
public sealed record CorrespondenceReceived : IntegrationEvent
{
    public required string ReferenceNumber { get; init; }
    public required MailOrigin Mail { get; init; }
}
