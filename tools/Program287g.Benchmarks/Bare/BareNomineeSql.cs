namespace Program287g.Benchmarks.Bare;

/// <summary>The statements a nomination issues, as services/Nominee/Data (NomineeStore, AgreementMirror, NomineeColumns,
/// StepLog) write them, on the renamed copies of the Nominee service's agencies and agreements tables; and the two reads
/// the real service makes of the Agency and Agreement services, as those services' own row reads.</summary>
internal static class BareNomineeSql
{
    /// <summary>AgreementMirror.FindAsync: the agreement as the service last heard, which a nomination takes when it
    /// is active and the agency's, asking nobody.</summary>
    public const string KnownAgreement = """
        SELECT a.agreement_id, a.reference_number, a.agency_id, a.model, a.status, a.status_at,
               g.name, g.state, g.contact_name, g.contact_email, g.version
        FROM nominee_agreements a JOIN nominee_agencies g ON g.agency_id = a.agency_id
        WHERE a.agreement_id = @id
        """;

    public const string FindAgreement = """
        SELECT id, reference_number, agency_id, model, status, updated_at FROM agreements WHERE id = @id
        """;

    public const string RecordAgency = """
        INSERT INTO nominee_agencies (agency_id, name, state, contact_name, contact_email, version)
        VALUES (@AgencyId, @AgencyName, @State, @ContactName, @ContactEmail, @AgencyVersion)
        ON CONFLICT (agency_id) DO UPDATE SET name = EXCLUDED.name, state = EXCLUDED.state,
            contact_name = EXCLUDED.contact_name, contact_email = EXCLUDED.contact_email, version = EXCLUDED.version
        WHERE nominee_agencies.version < EXCLUDED.version
        """;

    public const string RecordAgreement = """
        INSERT INTO nominee_agreements (agreement_id, agency_id, reference_number, model, status, status_at)
        VALUES (@AgreementId, @AgencyId, @ReferenceNumber, @Model, @Status, @StatusAt)
        ON CONFLICT (agreement_id) DO UPDATE SET status = EXCLUDED.status, status_at = EXCLUDED.status_at
        WHERE nominee_agreements.status_at < EXCLUDED.status_at AND nominee_agreements.status NOT IN ('terminated', 'superseded')
        """;

    public const string LockAgreement = """
        SELECT a.status FROM nominee_agreements a JOIN nominee_agencies g ON g.agency_id = a.agency_id
        WHERE a.agreement_id = @AgreementId FOR SHARE OF a
        """;

    public const string NextReference = "SELECT nextval('nominee_reference_numbers')";

    public const string InsertNominee = """
        INSERT INTO nominees (id, reference_number, agency_id, agreement_id, model, given_name, middle_name, family_name,
            sort_name, badge_number, badge_key, date_of_birth, email, phone, us_citizen, first_sworn_on, attested_by,
            attested_title, attested_on, attests_jurisdiction, nominated_at, nominated_on, eligible, ineligibility_reasons,
            status, status_reason, updated_at, version)
        VALUES (@Id, @ReferenceNumber, @AgencyId, @AgreementId, @Model, @GivenName, @MiddleName, @FamilyName,
            @SortName, @BadgeNumber, @BadgeKey, @DateOfBirth, @Email, @Phone, @UsCitizen, @FirstSwornOn, @AttestedBy,
            @AttestedTitle, @AttestedOn, @AttestsJurisdiction, @NominatedAt, @NominatedOn, @Eligible, @IneligibilityReasons,
            @Status, NULL, @UpdatedAt, 1)
        ON CONFLICT (agreement_id, badge_key) WHERE is_open DO NOTHING
        """;

    public const string AppendStep = """
        INSERT INTO steps (nominee_id, seq, from_status, to_status, action, effective_on, recorded_at, actor, actor_role, note)
        SELECT s.nominee_id, (SELECT coalesce(max(seq), 0) + 1 FROM steps WHERE nominee_id = s.nominee_id),
               s.from_status, s.to_status, s.action, s.effective_on, s.recorded_at, s.actor, s.actor_role, s.note
        FROM unnest(@ids, @froms, @tos, @actions, @effective, @recorded, @actors, @roles, @notes)
            AS s(nominee_id, from_status, to_status, action, effective_on, recorded_at, actor, actor_role, note)
        """;
}
