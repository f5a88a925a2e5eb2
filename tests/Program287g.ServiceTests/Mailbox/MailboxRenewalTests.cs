using Program287g.Agreement.V1;
using Program287g.Notification.V1;
using Program287g.ServiceTests.Notifications;
using Program287g.Testing;
using static Program287g.ServiceTests.Agreements.AgreementSystem;
using AgreementStatus = Program287g.Agreement.V1.AgreementStatus;

namespace Program287g.ServiceTests.Mailbox;

/// <summary>Emailed applications from an agency that holds a place under the model already, as SubmitApplication treats
/// them: beside an agreement in force the application is its renewal (the agency re-signs); beside an open application
/// it is not taken, and the email goes to a person.</summary>
[Collection(ServersCollection.Name)]
public sealed class MailboxRenewalTests(TestInfrastructure servers)
{
    [Fact]
    public async Task An_agency_with_a_JEM_agreement_in_force_that_emails_a_JEM_application_has_it_pending_as_the_renewal_of_that_agreement()
    {
        await using var system = await MailboxSystem.StartAsync(servers);
        var sender = TestEvents.NewRecipient();
        var agency = await system.RegisterAgencyAsync(sender);
        var inForce = await ActiveAsync(system, agency.AgencyId, Model.Jem);
        var email = TestMail.Application(sender, agency.Name, "Jail Enforcement Model");

        await system.Imap.AppendAsync(email);

        var record = await system.RecordedAsync(email, m => m.ReferenceNumber.Length > 0);
        (record.Outcome, record.NeedsAttention).ShouldBe((MailboxOutcome.Application, false), record.OutcomeReason);
        var renewal = (await system.Agreements().ListPendingApplicationsAsync(new() { State = "TX", Model = Model.Jem })).Applications
            .ShouldHaveSingleItem();
        (renewal.ReferenceNumber, renewal.Renews).ShouldBe((record.ReferenceNumber, inForce.AgreementId));
        var read = (await system.Agreements().GetAgreementAsync(new() { AgreementId = renewal.AgreementId })).Agreement;
        (read.Status, read.Renews, read.Agency.AgencyId).ShouldBe((AgreementStatus.Pending, inForce.AgreementId, agency.AgencyId));
        (await system.Agreements().GetAgreementAsync(new() { AgreementId = inForce.AgreementId })).Agreement.Status
            .ShouldBe(AgreementStatus.Active);
        var history = (await system.Agreements().GetAgreementHistoryAsync(new() { AgreementId = renewal.AgreementId })).Transitions;
        history.ShouldHaveSingleItem().Note.ShouldContain($"Renews {inForce.AgreementId} ({inForce.ReferenceNumber})");
        // Acknowledged as any mailed application is, as the reply to the email; nothing for a person.
        (await AcknowledgmentAsync(system, sender, record.ReferenceNumber)).Header("In-Reply-To")
            .ShouldBe($"<{email.MessageId}>");
        (await system.Mailbox().ListInquiriesAsync(new ListInquiriesRequest())).Inquiries.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_agency_with_a_JEM_application_pending_that_emails_another_has_it_not_taken_and_put_before_a_person()
    {
        await using var system = await MailboxSystem.StartAsync(servers);
        var sender = TestEvents.NewRecipient();
        var agency = await system.RegisterAgencyAsync(sender);
        var pending = (await system.Agreements().SubmitApplicationAsync(Application(agency.AgencyId, Model.Jem))).Agreement;
        var email = TestMail.Application(sender, agency.Name, "Jail Enforcement Model");

        await system.Imap.AppendAsync(email);

        var record = await system.RecordedAsync(email, m => m.ReferenceNumber.Length > 0);
        (record.Outcome, record.NeedsAttention).ShouldBe((MailboxOutcome.Inquiry, true));
        record.OutcomeReason.ShouldStartWith("Not taken as the JEM application:");
        record.OutcomeReason.ShouldContain(pending.ReferenceNumber);
        (await system.Agreements().ListPendingApplicationsAsync(new() { State = "TX", Model = Model.Jem })).Applications
            .ShouldHaveSingleItem().AgreementId.ShouldBe(pending.AgreementId);
        var inquiry = (await system.Mailbox().GetInquiryAsync(new GetInquiryRequest { InquiryId = record.InquiryId })).Inquiry;
        (inquiry.ReferenceNumber, inquiry.Status).ShouldBe((record.ReferenceNumber, InquiryStatus.Open));
        (await AcknowledgmentAsync(system, sender, record.ReferenceNumber)).Header("In-Reply-To")
            .ShouldBe($"<{email.MessageId}>");
    }

    /// <summary>The one email to the sender that quotes the reference number. Found by the sender's address, the test's
    /// own: the SMTP server is shared, and every test's database numbers its records from 000001.</summary>
    private static async Task<Mail> AcknowledgmentAsync(MailboxSystem system, string sender, string referenceNumber)
    {
        var quoting = await Eventually.ReturnsAsync(async () => (await system.Notifications.Smtp.MessagesAsync(sender))
            .Where(m => m.Subject.Contains(referenceNumber, StringComparison.Ordinal)).ToList(), found => found.Count > 0,
            TimeSpan.FromSeconds(30));
        return await system.Notifications.Smtp.ReadAsync(quoting.ShouldHaveSingleItem().Id);
    }

    private static async Task<Program287g.Agreement.V1.Agreement> ActiveAsync(MailboxSystem system, string agencyId, Model model)
    {
        var pending = (await system.Agreements().SubmitApplicationAsync(Application(agencyId, model))).Agreement;
        return (await system.Agreements().SignAgreementAsync(new SignAgreementRequest
        {
            AgreementId = pending.AgreementId,
            IceSignature = new Signature { SignerName = "Ana Official", SignerTitle = "Field Office Director", SignedOn = DaysAgo(5) },
        })).Agreement;
    }
}
