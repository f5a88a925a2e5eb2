using Program287g.Domain;

namespace Program287g.Agreement.Domain;

/// <summary>Why a covered agency does not meet its state's law on a day.</summary>
public enum GapReason
{
    /// <summary>On the state's list of covered agencies, but no registered agency has its name in that state.</summary>
    NoAgencyRegistered,
    /// <summary>Registered, with no application or agreement of any model.</summary>
    NoApplication,
    /// <summary>A satisfying model is only pending, and on this day the law asks for a signed agreement.</summary>
    PendingOnly,
    /// <summary>Applications or agreements exist, but none of a model the law accepts (Arkansas: TFM only).</summary>
    WrongModel,
}

/// <summary>An application or agreement open (pending or in force) at the moment looked at.</summary>
public sealed record OpenAgreement(string Model, string Status, Guid AgreementId);

public sealed record MandateShortfall(GapReason Reason, IReadOnlyList<Guid> PendingAgreementIds, IReadOnlyList<Guid> OtherModelAgreementIds);

public static class MandateCompliance
{
    /// <summary>What keeps a registered covered agency from meeting the law on <paramref name="day"/>, or null when
    /// it meets it.</summary>
    public static MandateShortfall? Check(StateMandate mandate, DateOnly day, IReadOnlyCollection<OpenAgreement> open)
    {
        var accepted = mandate.SatisfyingModels.Select(m => m.Code()).ToHashSet();
        var satisfying = open.Where(o => accepted.Contains(o.Model)).ToList();
        var pending = satisfying.Where(o => o.Status == AgreementStatus.Pending.Key()).Select(o => o.AgreementId).ToList();
        if (satisfying.Any(o => o.Status == AgreementStatus.Active.Key()) || (pending.Count > 0 && mandate.RequestSatisfiesOn(day)))
        {
            return null;
        }
        var others = open.Where(o => !accepted.Contains(o.Model)).Select(o => o.AgreementId).ToList();
        var reason = pending.Count > 0 ? GapReason.PendingOnly : others.Count > 0 ? GapReason.WrongModel : GapReason.NoApplication;
        return new MandateShortfall(reason, pending, others);
    }

    public static MandateShortfall Unregistered { get; } = new(GapReason.NoAgencyRegistered, [], []);
}
