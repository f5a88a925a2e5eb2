using Program287g.Domain;

namespace Program287g.Agreement.IcePublications;

/// <summary>What a participating row means for the agency's places for its model.</summary>
public enum ParticipatingStep
{
    /// <summary>Nothing open: the agreement is created.</summary>
    CreateAgreement,
    /// <summary>The pending application is the agreement the row shows: ICE signed it.</summary>
    SignApplication,
    /// <summary>A pending list of the row's day or later still shows the application: the agreement the row shows is
    /// another one, created beside it, and the application is its renewal.</summary>
    CreateAgreementBesideRenewal,
    /// <summary>The agreement in force, as the row says (its links may have come since).</summary>
    RefreshLinks,
    /// <summary>Signed later than the agreement in force, whose renewal was pending on an earlier list: ICE signed the
    /// renewal, which supersedes the agreement.</summary>
    SignRenewal,
    /// <summary>Signed later than the agreement in force, with no renewal that can be it: re-signed.</summary>
    Supersede,
    /// <summary>The agreement in force was signed after the row's date: the row cannot be taken.</summary>
    LaterAgreementInForce,
}

/// <summary>What a pending row means for the agency's places for its model.</summary>
public enum PendingStep
{
    CreateApplication,
    /// <summary>The agency's agreement for the model is in force: the application renews it.</summary>
    CreateRenewal,
    AlreadyPending,
    /// <summary>The agreement in force was signed after the list's day: the list shows the application it came from.</summary>
    PredatesAgreement,
}

/// <summary>ICE's two lists are snapshots of one moment. The same day's participating and pending lists may show an
/// agency under one model on both: its agreement is in force and a renewal (a re-signing) is in progress. An
/// application a pending list showed is therefore the agreement a participating list shows only when that
/// participating list is of a later day; otherwise it is the agreement's renewal. ICE's pending list gives no dates, so
/// the day an application was last listed pending (<c>listedPendingAt</c>) is what tells them apart.</summary>
public static class IceRowDecisions
{
    public static ParticipatingStep Participating(DateOnly signedOn, DateTimeOffset asOf, DateOnly? inForceFrom,
        bool hasApplication, DateTimeOffset? listedPendingAt)
    {
        var stillPending = hasApplication && listedPendingAt is { } listed && ProgramTime.DateOf(listed) >= ProgramTime.DateOf(asOf);
        if (inForceFrom is not { } from)
        {
            return !hasApplication ? ParticipatingStep.CreateAgreement
                : stillPending ? ParticipatingStep.CreateAgreementBesideRenewal
                : ParticipatingStep.SignApplication;
        }
        if (signedOn == from)
        {
            return ParticipatingStep.RefreshLinks;
        }
        if (signedOn < from)
        {
            return ParticipatingStep.LaterAgreementInForce;
        }
        return hasApplication && !stillPending ? ParticipatingStep.SignRenewal : ParticipatingStep.Supersede;
    }

    public static PendingStep Pending(DateTimeOffset asOf, DateOnly? inForceFrom, bool hasApplication) =>
        hasApplication ? PendingStep.AlreadyPending
        : inForceFrom is not { } from ? PendingStep.CreateApplication
        : from > ProgramTime.DateOf(asOf) ? PendingStep.PredatesAgreement
        : PendingStep.CreateRenewal;
}
