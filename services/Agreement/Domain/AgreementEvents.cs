using Program287g.Contracts.Agreement;

namespace Program287g.Agreement.Domain;

/// <summary>The events an application's or agreement's changes raise, filled from the agreement as it is after the
/// change, so consumers need no call back.</summary>
public static class AgreementEvents
{
    public const string ApiSource = "api";
    public const string ImportSource = "ice-list-import";
    /// <summary>An application that came to the program mailbox as an email.</summary>
    public const string MailboxSource = "mailbox";

    public static ApplicationSubmitted Submitted(AgreementRecord a, Actor actor, string source, DateTimeOffset now) => new()
    {
        MessageId = Guid.CreateVersion7(), OccurredAt = now, AgreementId = a.Id, ReferenceNumber = a.ReferenceNumber,
        AgencyId = a.AgencyId, AgencyName = a.AgencyName, State = a.State, Model = a.Model,
        ContactName = a.ContactName, ContactEmail = a.ContactEmail, Source = source, Actor = actor.Subject,
        SubmittedAt = new DateTimeOffset(a.SubmittedAt, TimeSpan.Zero),
        LetterOfInterestSigner = a.LetterOfInterest?.SignerName ?? "", MoaSigner = a.AgencySignedMoa?.SignerName ?? "",
    };

    public static ApplicationWithdrawn Withdrawn(AgreementRecord a, Actor actor, DateTimeOffset now) => new()
    {
        MessageId = Guid.CreateVersion7(), OccurredAt = now, AgreementId = a.Id, ReferenceNumber = a.ReferenceNumber,
        AgencyId = a.AgencyId, AgencyName = a.AgencyName, State = a.State, Model = a.Model,
        ContactName = a.ContactName, ContactEmail = a.ContactEmail, Source = ApiSource, Actor = actor.Subject,
        Reason = a.StatusReason,
    };

    public static ApplicationDeclined Declined(AgreementRecord a, Actor actor, DateTimeOffset now) => new()
    {
        MessageId = Guid.CreateVersion7(), OccurredAt = now, AgreementId = a.Id, ReferenceNumber = a.ReferenceNumber,
        AgencyId = a.AgencyId, AgencyName = a.AgencyName, State = a.State, Model = a.Model,
        ContactName = a.ContactName, ContactEmail = a.ContactEmail, Source = ApiSource, Actor = actor.Subject,
        Reason = a.StatusReason ?? "",
    };

    public static AgreementSigned SignedAgreement(AgreementRecord a, Actor actor, string source, DateTimeOffset now) => new()
    {
        MessageId = Guid.CreateVersion7(), OccurredAt = now, AgreementId = a.Id, ReferenceNumber = a.ReferenceNumber,
        AgencyId = a.AgencyId, AgencyName = a.AgencyName, State = a.State, Model = a.Model,
        ContactName = a.ContactName, ContactEmail = a.ContactEmail, Source = source, Actor = actor.Subject,
        ActiveFrom = a.ActiveFrom!.Value, IceSignerName = a.IceSignerName ?? "", IceSignerTitle = a.IceSignerTitle ?? "",
        Supersedes = a.Supersedes,
    };

    public static AgreementSuspended Suspended(AgreementRecord a, Actor actor, DateTimeOffset now) => new()
    {
        MessageId = Guid.CreateVersion7(), OccurredAt = now, AgreementId = a.Id, ReferenceNumber = a.ReferenceNumber,
        AgencyId = a.AgencyId, AgencyName = a.AgencyName, State = a.State, Model = a.Model,
        ContactName = a.ContactName, ContactEmail = a.ContactEmail, Source = ApiSource, Actor = actor.Subject,
        Reason = a.StatusReason ?? "",
    };

    public static AgreementReinstated Reinstated(AgreementRecord a, Actor actor, string? note, DateTimeOffset now) => new()
    {
        MessageId = Guid.CreateVersion7(), OccurredAt = now, AgreementId = a.Id, ReferenceNumber = a.ReferenceNumber,
        AgencyId = a.AgencyId, AgencyName = a.AgencyName, State = a.State, Model = a.Model,
        ContactName = a.ContactName, ContactEmail = a.ContactEmail, Source = ApiSource, Actor = actor.Subject,
        Note = note,
    };

    public static AgreementTerminated Terminated(AgreementRecord a, Actor actor, DateTimeOffset now) => new()
    {
        MessageId = Guid.CreateVersion7(), OccurredAt = now, AgreementId = a.Id, ReferenceNumber = a.ReferenceNumber,
        AgencyId = a.AgencyId, AgencyName = a.AgencyName, State = a.State, Model = a.Model,
        ContactName = a.ContactName, ContactEmail = a.ContactEmail, Source = ApiSource, Actor = actor.Subject,
        NoticeGivenBy = a.Termination!.NoticeGivenBy, NoticeDate = a.Termination.NoticeDate,
        EffectiveOn = a.Termination.EffectiveOn, Reason = a.Termination.Reason,
    };

    public static AgreementSuperseded Superseded(AgreementRecord a, Actor actor, string source, DateTimeOffset now) => new()
    {
        MessageId = Guid.CreateVersion7(), OccurredAt = now, AgreementId = a.Id, ReferenceNumber = a.ReferenceNumber,
        AgencyId = a.AgencyId, AgencyName = a.AgencyName, State = a.State, Model = a.Model,
        ContactName = a.ContactName, ContactEmail = a.ContactEmail, Source = source, Actor = actor.Subject,
        SupersededBy = a.SupersededBy!.Value,
    };
}
