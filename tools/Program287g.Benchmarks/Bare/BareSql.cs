namespace Program287g.Benchmarks.Bare;

/// <summary>The statements the services issue for the measured writes, as their sources write them
/// (services/Agency/Data/AgencyRepository.cs, services/Agreement/Data/AgreementStore.cs, AgreementColumns.cs and
/// Timeline.cs). The outbox row goes through the shared OutboxWriter, as in the services.</summary>
internal static class BareSql
{
    public const string InsertAgency = """
        INSERT INTO agencies (id, name, normalized_name, state, type, kind, county, agency_head, contact_name,
                              contact_email, registered_at, updated_at)
        VALUES (@Id, @Name, @NormalizedName, @State, @Type, @Kind, @County, @AgencyHead, @ContactName,
                @ContactEmail, @RegisteredAt, @UpdatedAt)
        ON CONFLICT (normalized_name, state) DO NOTHING
        """;

    public const string FindAgency = """
        SELECT id AS Id, name AS Name, normalized_name AS NormalizedName, state AS State, type AS Type, kind AS Kind,
               county AS County, agency_head AS AgencyHead, contact_name AS ContactName, contact_email AS ContactEmail,
               registered_at AS RegisteredAt, updated_at AS UpdatedAt, version AS Version
        FROM agencies WHERE id = @id
        """;

    public const string NextReference = "SELECT nextval('agreement_reference_numbers')";

    // The columns a new application leaves empty are literal NULLs here, parameters there.
    public const string InsertAgreement = """
        INSERT INTO agreements (id, reference_number, agency_id, agency_name, agency_sort_name, state, agency_type, county,
            contact_name, contact_email, agency_version, model, status, status_reason, submitted_at, letter_of_interest,
            agency_signed_moa, ice_signer_name, ice_signer_title, ice_signed_on, active_from, termination, superseded_by,
            supersedes, renews, listed_pending_at, moa_url, addendum_url, source, updated_at, version)
        VALUES (@Id, @ReferenceNumber, @AgencyId, @AgencyName, @AgencySortName, @State, @AgencyType, @County,
            @ContactName, @ContactEmail, @AgencyVersion, @Model, @Status, NULL, @SubmittedAt, @LetterOfInterest,
            @AgencySignedMoa, NULL, NULL, NULL, NULL, NULL, NULL,
            NULL, NULL, NULL, NULL, NULL, @Source, @UpdatedAt, 1)
        ON CONFLICT DO NOTHING
        """;

    public const string InsertDocument = """
        INSERT INTO documents (sha256, data, stored_at) VALUES (@Sha256, @Data, now()) ON CONFLICT DO NOTHING
        """;

    public const string InsertPeriod = """
        INSERT INTO status_periods (agreement_id, status, valid) VALUES (@Id, @status, tstzrange(@at, NULL, '[)'))
        """;

    public const string PostLedger = """
        INSERT INTO ledger_entries (series, model, state, at, delta) VALUES (@series, @model, @state, @at, @delta);
        INSERT INTO ledger_months (series, model, state, month, delta)
        VALUES (@series, @model, @state, date_trunc('month', @at AT TIME ZONE 'UTC')::date, @delta)
        ON CONFLICT (series, model, state, month) DO UPDATE SET delta = ledger_months.delta + EXCLUDED.delta;
        """;

    public const string AppendTransition = """
        INSERT INTO transitions (agreement_id, seq, from_status, to_status, action, effective_at, recorded_at, actor, actor_role, note)
        VALUES (@id, (SELECT coalesce(max(seq), 0) + 1 FROM transitions WHERE agreement_id = @id), @from, @to, @action,
                @effectiveAt, @recordedAt, @subject, @role, @note)
        """;
}
