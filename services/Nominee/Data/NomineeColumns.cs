namespace Program287g.Nominee.Data;

/// <summary>The nominees table's columns under the names <see cref="Domain.NomineeRecord"/> binds to.</summary>
internal static class NomineeColumns
{
    public const string Select = """
        n.id AS Id, n.reference_number AS ReferenceNumber, n.agency_id AS AgencyId, n.agreement_id AS AgreementId,
        n.model AS Model, n.given_name AS GivenName, n.middle_name AS MiddleName, n.family_name AS FamilyName,
        n.sort_name AS SortName, n.badge_number AS BadgeNumber, n.badge_key AS BadgeKey, n.date_of_birth AS DateOfBirth,
        n.email AS Email, n.phone AS Phone, n.us_citizen AS UsCitizen, n.first_sworn_on AS FirstSwornOn,
        n.attested_by AS AttestedBy, n.attested_title AS AttestedTitle, n.attested_on AS AttestedOn,
        n.attests_jurisdiction AS AttestsJurisdiction, n.nominated_at AS NominatedAt, n.nominated_on AS NominatedOn,
        n.eligible AS Eligible, n.ineligibility_reasons AS IneligibilityReasons, n.status AS Status,
        n.status_reason AS StatusReason, n.background_started_on AS BackgroundStartedOn,
        n.background_passed AS BackgroundPassed, n.background_completed_on AS BackgroundCompletedOn,
        n.course_id AS CourseId, n.training_starts_on AS TrainingStartsOn, n.training_completed_on AS TrainingCompletedOn,
        n.certified_on AS CertifiedOn, n.certified_by AS CertifiedBy, n.certified_by_title AS CertifiedByTitle,
        n.authorization_number AS AuthorizationNumber, n.authorization_issued_on AS AuthorizationIssuedOn,
        n.issuing_office AS IssuingOffice, n.refresher_due_on AS RefresherDueOn, n.expires_on AS ExpiresOn,
        n.ends_on AS EndsOn, n.suspension_cause AS SuspensionCause, n.authorization_status AS AuthorizationStatus,
        n.updated_at AS UpdatedAt, n.version AS Version
        """;

    public const string Insert = """
        INSERT INTO nominees (id, reference_number, agency_id, agreement_id, model, given_name, middle_name, family_name,
            sort_name, badge_number, badge_key, date_of_birth, email, phone, us_citizen, first_sworn_on, attested_by,
            attested_title, attested_on, attests_jurisdiction, nominated_at, nominated_on, eligible, ineligibility_reasons,
            status, status_reason, updated_at, version)
        VALUES (@Id, @ReferenceNumber, @AgencyId, @AgreementId, @Model, @GivenName, @MiddleName, @FamilyName,
            @SortName, @BadgeNumber, @BadgeKey, @DateOfBirth, @Email, @Phone, @UsCitizen, @FirstSwornOn, @AttestedBy,
            @AttestedTitle, @AttestedOn, @AttestsJurisdiction, @NominatedAt, @NominatedOn, @Eligible, @IneligibilityReasons,
            @Status, @StatusReason, @UpdatedAt, @Version)
        ON CONFLICT (agreement_id, badge_key) WHERE is_open DO NOTHING
        """;

    /// <summary>What a step may change; the officer's identity and the nomination itself never change.</summary>
    public const string UpdateStep = """
        UPDATE nominees SET status = @Status, status_reason = @StatusReason,
            background_started_on = @BackgroundStartedOn, background_passed = @BackgroundPassed,
            background_completed_on = @BackgroundCompletedOn, course_id = @CourseId, training_starts_on = @TrainingStartsOn,
            training_completed_on = @TrainingCompletedOn, certified_on = @CertifiedOn, certified_by = @CertifiedBy,
            certified_by_title = @CertifiedByTitle, authorization_number = @AuthorizationNumber,
            authorization_issued_on = @AuthorizationIssuedOn, issuing_office = @IssuingOffice,
            refresher_due_on = @RefresherDueOn, expires_on = @ExpiresOn, ends_on = @EndsOn,
            suspension_cause = @SuspensionCause, authorization_status = @AuthorizationStatus, updated_at = @UpdatedAt,
            version = version + 1
        WHERE id = @Id
        """;

    /// <summary>The agreement view of a nominee's agreement: the agreements row joined to its agency.</summary>
    public const string AgreementView = """
        a.agreement_id AS AgreementId, a.reference_number AS ReferenceNumber, a.model AS Model, a.status AS Status,
        a.status_at AS StatusAt, g.agency_id AS AgencyId, g.name AS AgencyName, g.state AS State,
        g.contact_name AS ContactName, g.contact_email AS ContactEmail, g.version AS AgencyVersion
        """;
}
