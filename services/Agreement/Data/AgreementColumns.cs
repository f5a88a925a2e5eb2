namespace Program287g.Agreement.Data;

/// <summary>The agreements table's columns under the names <see cref="Domain.AgreementRecord"/> binds to.</summary>
internal static class AgreementColumns
{
    public const string Select = """
        a.id AS Id, a.reference_number AS ReferenceNumber, a.agency_id AS AgencyId, a.agency_name AS AgencyName,
        a.agency_sort_name AS AgencySortName, a.state AS State, a.agency_type AS AgencyType, a.county AS County,
        a.contact_name AS ContactName, a.contact_email AS ContactEmail, a.agency_version AS AgencyVersion,
        a.model AS Model, a.status AS Status, a.status_reason AS StatusReason, a.submitted_at AS SubmittedAt,
        a.letter_of_interest::text AS LetterOfInterest, a.agency_signed_moa::text AS AgencySignedMoa,
        a.ice_signer_name AS IceSignerName, a.ice_signer_title AS IceSignerTitle, a.ice_signed_on AS IceSignedOn,
        a.active_from AS ActiveFrom, a.termination::text AS Termination, a.superseded_by AS SupersededBy,
        a.supersedes AS Supersedes, a.renews AS Renews, a.listed_pending_at AS ListedPendingAt, a.moa_url AS MoaUrl, a.addendum_url AS AddendumUrl, a.source AS Source, a.updated_at AS UpdatedAt,
        a.version AS Version
        """;

    public const string Insert = """
        INSERT INTO agreements (id, reference_number, agency_id, agency_name, agency_sort_name, state, agency_type, county,
            contact_name, contact_email, agency_version, model, status, status_reason, submitted_at, letter_of_interest,
            agency_signed_moa, ice_signer_name, ice_signer_title, ice_signed_on, active_from, termination, superseded_by,
            supersedes, renews, listed_pending_at, moa_url, addendum_url, source, updated_at, version)
        VALUES (@Id, @ReferenceNumber, @AgencyId, @AgencyName, @AgencySortName, @State, @AgencyType, @County,
            @ContactName, @ContactEmail, @AgencyVersion, @Model, @Status, @StatusReason, @SubmittedAt, @LetterOfInterest,
            @AgencySignedMoa, @IceSignerName, @IceSignerTitle, @IceSignedOn, @ActiveFrom, @Termination, @SupersededBy,
            @Supersedes, @Renews, @ListedPendingAt, @MoaUrl, @AddendumUrl, @Source, @UpdatedAt, @Version)
        """;

    /// <summary>What a transition may change; the agency copy changes only through AgencyUpdated.</summary>
    public const string UpdateLifecycle = """
        UPDATE agreements SET status = @Status, status_reason = @StatusReason, ice_signer_name = @IceSignerName,
            ice_signer_title = @IceSignerTitle, ice_signed_on = @IceSignedOn, active_from = @ActiveFrom,
            termination = @Termination, superseded_by = @SupersededBy, supersedes = @Supersedes, moa_url = @MoaUrl,
            addendum_url = @AddendumUrl, updated_at = @UpdatedAt,
            version = version + 1
        WHERE id = @Id
        """;
}
