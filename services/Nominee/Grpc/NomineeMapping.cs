using Program287g.Domain;
using Program287g.Nominee.Data;
using Program287g.Nominee.Domain;
using Program287g.Nominee.V1;
using Program287g.ServiceDefaults.Grpc;
using IneligibilityReason = Program287g.Nominee.V1.IneligibilityReason;
using NomineeStatus = Program287g.Nominee.Domain.NomineeStatus;
using ProtoStatus = Program287g.Nominee.V1.NomineeStatus;
using TrainingCourse = Program287g.Nominee.Domain.TrainingCourse;
using TrainingCourseMessage = Program287g.Nominee.V1.TrainingCourse;

namespace Program287g.Nominee.Grpc;

/// <summary>Between stored nominees and the proto messages.</summary>
internal static class NomineeMapping
{
    public static V1.Nominee ToMessage(this NomineeView view, TrainingCatalog catalog)
    {
        var (n, agreement, attempts) = view;
        var message = new V1.Nominee
        {
            NomineeId = n.Id.ToString(),
            ReferenceNumber = n.ReferenceNumber,
            Agency = new AgencyRef { AgencyId = n.AgencyId.ToString(), Name = agreement.AgencyName, State = agreement.State },
            Agreement = new AgreementRef
            {
                AgreementId = n.AgreementId.ToString(), ReferenceNumber = agreement.ReferenceNumber,
                Model = ProgramDirectory.ToProto(ProgramModels.Parse(n.Model)!.Value),
            },
            Officer = new Officer
            {
                GivenName = n.GivenName, MiddleName = n.MiddleName ?? "", FamilyName = n.FamilyName, BadgeNumber = n.BadgeNumber,
                DateOfBirth = n.DateOfBirth.ToProtoDate(), Email = n.Email, Phone = n.Phone ?? "",
            },
            UsCitizen = n.UsCitizen,
            FirstSwornOn = n.FirstSwornOn.ToProtoDate(),
            Attestation = new AgencyHeadAttestation
            {
                AttestedBy = n.AttestedBy, Title = n.AttestedTitle, AttestedOn = n.AttestedOn.ToProtoDate(),
                KnowsAndHasEnforcedJurisdictionLaws = n.AttestsJurisdiction,
            },
            NominatedAt = ProtoTime.ToTimestamp(n.NominatedAt),
            Status = ToProto(n.CurrentStatus),
            StatusReason = n.StatusReason ?? "",
            Eligibility = new V1.Eligibility { Eligible = n.Eligible, DecidedOn = n.NominatedOn.ToProtoDate() },
            UpdatedAt = ProtoTime.ToTimestamp(n.UpdatedAt),
            Version = n.Version,
        };
        message.Eligibility.Reasons.AddRange(n.IneligibilityReasons.Select(key => ToProto(Domain.Eligibility.ParseReason(key))));
        if (n.BackgroundStartedOn is { } started)
        {
            message.Background = new BackgroundInvestigation
            {
                StartedOn = started.ToProtoDate(),
                Outcome = n.BackgroundPassed switch
                {
                    true => BackgroundOutcome.Passed,
                    false => BackgroundOutcome.Failed,
                    null => BackgroundOutcome.Unspecified,
                },
                CompletedOn = n.BackgroundCompletedOn?.ToProtoDate(),
            };
        }
        if (n.CourseId is { } courseId)
        {
            message.Training = TrainingOf(n, courseId, attempts, catalog);
        }
        if (n.CertifiedOn is { } certified)
        {
            message.Certification = new Certification
            {
                CertifiedOn = certified.ToProtoDate(), CertifiedBy = n.CertifiedBy ?? "", CertifiedByTitle = n.CertifiedByTitle ?? "",
            };
        }
        if (n.AuthorizationNumber is { } number)
        {
            message.Authorization = new Authorization
            {
                AuthorizationNumber = number,
                IssuedOn = n.AuthorizationIssuedOn?.ToProtoDate(),
                IssuingOffice = n.IssuingOffice ?? "",
                Status = ToAuthorizationStatus(n.AuthorizationStatus),
                RefresherDueOn = n.RefresherDueOn?.ToProtoDate(),
                ExpiresOn = n.ExpiresOn?.ToProtoDate(),
                EndsOn = n.EndsOn?.ToProtoDate(),
                SuspensionCause = n.SuspensionCause switch
                {
                    "officer" => SuspensionCause.Officer,
                    "agreement" => SuspensionCause.Agreement,
                    _ => SuspensionCause.Unspecified,
                },
                Reason = n.CurrentStatus is NomineeStatus.Suspended or NomineeStatus.Revoked or NomineeStatus.Ended ? n.StatusReason ?? "" : "",
            };
        }
        return message;
    }

    private static Training TrainingOf(NomineeRecord n, string courseId, IReadOnlyList<ExamAttemptRecord> attempts, TrainingCatalog catalog)
    {
        var course = catalog.Find(courseId);
        var training = new Training
        {
            CourseId = courseId, CourseTitle = course?.Title ?? "", StartsOn = n.TrainingStartsOn?.ToProtoDate(),
            CompletedOn = n.TrainingCompletedOn?.ToProtoDate(),
        };
        // The course's exams in catalog order, then any attempt at an exam the catalog no longer lists.
        var examIds = (course?.Exams.Select(e => e.Id) ?? []).Concat(attempts.Select(a => a.ExamId))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var examId in examIds)
        {
            var taken = attempts.Where(a => string.Equals(a.ExamId, examId, StringComparison.OrdinalIgnoreCase)).ToList();
            var exam = new ExamRecord
            {
                ExamId = examId, Title = course?.FindExam(examId)?.Title ?? "",
                Passed = taken.Any(a => a.Passed(catalog.PassMarkPercent)),
            };
            exam.Attempts.AddRange(taken.Select(a => new ExamAttempt
            {
                Attempt = a.Attempt, ScorePercent = a.ScorePercent, Passed = a.Passed(catalog.PassMarkPercent), TakenOn = a.TakenOn.ToProtoDate(),
            }));
            training.Exams.Add(exam);
        }
        return training;
    }

    public static Step ToMessage(this StepRecord step) => new()
    {
        FromStatus = step.FromStatus is null ? ProtoStatus.Unspecified : ToProto(NomineeStatuses.Parse(step.FromStatus)),
        ToStatus = ToProto(NomineeStatuses.Parse(step.ToStatus)),
        Action = step.Action,
        EffectiveOn = step.EffectiveOn.ToProtoDate(),
        RecordedAt = ProtoTime.ToTimestamp(step.RecordedAt),
        Actor = step.Actor,
        ActorRole = step.ActorRole,
        Note = step.Note ?? "",
    };

    public static ProtoStatus ToProto(NomineeStatus status) => Enum.Parse<ProtoStatus>(status.ToString());

    public static NomineeStatus? ToDomain(ProtoStatus status) =>
        status == ProtoStatus.Unspecified || !Enum.IsDefined(status) ? null : Enum.Parse<NomineeStatus>(status.ToString());

    public static IneligibilityReason ToProto(Domain.IneligibilityReason reason) => reason switch
    {
        Domain.IneligibilityReason.NotAUsCitizen => IneligibilityReason.NotUsCitizen,
        Domain.IneligibilityReason.NoJurisdictionAttestation => IneligibilityReason.NoJurisdictionAttestation,
        Domain.IneligibilityReason.LessThanTwoYearsSworn => IneligibilityReason.LessThanTwoYearsSworn,
        _ => IneligibilityReason.Unspecified,
    };

    private static AuthorizationStatus ToAuthorizationStatus(string? status) => status switch
    {
        "active" => AuthorizationStatus.Active,
        "suspended" => AuthorizationStatus.Suspended,
        "revoked" => AuthorizationStatus.Revoked,
        "ended" => AuthorizationStatus.Ended,
        "expired" => AuthorizationStatus.Expired,
        _ => AuthorizationStatus.Unspecified,
    };

    public static TrainingCourseMessage ToMessage(this TrainingCourse course)
    {
        var message = new TrainingCourseMessage
        {
            CourseId = course.Id, Model = ProgramDirectory.ToProto(course.ProgramModel!.Value), Title = course.Title,
            Delivery = course.Delivery, DurationHours = course.DurationHours, DurationWeeks = course.DurationWeeks,
        };
        message.Exams.AddRange(course.Exams.Select(e => new Exam { ExamId = e.Id, Title = e.Title }));
        return message;
    }
}
