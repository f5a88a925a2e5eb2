extern alias NotificationService;

using Program287g.Contracts.Agreement;
using Program287g.Contracts.Nominee;
using NotificationService::Program287g.Notification.Domain;
using NotificationService::Program287g.Notification.Messaging;
using NotificationService::Program287g.Notification.Templates;

namespace Program287g.UnitTests.Notifications;

/// <summary>What each event asks the service to write: the kind, whom to, owed since when, and whether owed at all.</summary>
public sealed class NotificationDraftTests
{
    private static readonly DateTimeOffset Submitted = new(2026, 3, 10, 14, 0, 0, TimeSpan.Zero);

    private static ApplicationSubmitted Application(string source) => new()
    {
        MessageId = Guid.NewGuid(), OccurredAt = Submitted.AddSeconds(3), AgreementId = Guid.NewGuid(), ReferenceNumber = "287G-2026-000042",
        AgencyId = Guid.NewGuid(), AgencyName = "Harris County Sheriff's Office", State = "TX", Model = "JEM", ContactName = "Jo Contact",
        ContactEmail = "jo@example.gov", Source = source, Actor = "staff", SubmittedAt = Submitted, LetterOfInterestSigner = "A",
        MoaSigner = "B",
    };

    [Fact]
    public void An_application_submitted_through_the_api_is_owed_an_acknowledgment_from_when_it_was_submitted()
    {
        var submitted = Application("api");
        var messageId = Guid.NewGuid();

        var draft = NotificationDrafts.From(submitted, messageId);

        draft.Kind.ShouldBe(NotificationKind.ApplicationAcknowledgment);
        draft.SourceId.ShouldBe(messageId);
        draft.ReceivedAt.ShouldBe(Submitted);
        draft.RecipientEmail.ShouldBe("jo@example.gov");
        draft.NotRequiredBecause.ShouldBeNull();
        draft.Details.ShouldBe(new ApplicationReceived("Harris County Sheriff's Office", "TX", "Jail Enforcement Model", "A", "B"));
    }

    [Fact]
    public void Changes_taken_from_ices_lists_are_owed_nothing()
    {
        NotificationDrafts.From(Application("ice-list-import"), Guid.NewGuid()).NotRequiredBecause.ShouldNotBeNull();
    }

    [Fact]
    public void A_nomination_is_owed_from_when_the_nominee_service_received_it()
    {
        var nominatedAt = Submitted.AddDays(-2);
        var nominated = new OfficerNominated
        {
            MessageId = Guid.NewGuid(), OccurredAt = Submitted, Actor = "agency", NominatedAt = nominatedAt, NominatedBy = "Sheriff",
            Nominee = new NomineeSnapshot
            {
                NomineeId = Guid.NewGuid(), ReferenceNumber = "287G-N-2026-000001", AgencyId = Guid.NewGuid(),
                AgencyName = "Cobb County Sheriff's Office", State = "GA", AgreementId = Guid.NewGuid(), AgreementReference = "287G-2026-000007",
                Model = "TFM", OfficerName = "Jordan Rivera", Status = "eligible", ContactName = null, ContactEmail = null,
            },
        };

        var draft = NotificationDrafts.From(nominated, Guid.NewGuid());

        draft.Kind.ShouldBe(NotificationKind.NominationAcknowledgment);
        draft.ReceivedAt.ShouldBe(nominatedAt);
        draft.RecipientEmail.ShouldBeNull("no point of contact: recorded undeliverable, not dropped");
        ((NominationReceived)draft.Details).ModelName.ShouldBe("Task Force Model");
    }
}
