using System.ComponentModel.DataAnnotations;

namespace Program287g.Notification.Domain;

/// <summary>The "Notifications:Calendar" configuration section.</summary>
public sealed class CalendarOptions : IValidatableObject
{
    public const string SectionName = "Notifications:Calendar";

    /// <summary>The IANA zone whose days are the business days. ICE names none; the program is run from Washington.</summary>
    public string TimeZone { get; set; } = "America/New_York";

    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"{SectionName}:TimeZone '{TimeZone}' is not a time zone this machine knows.");
        }
    }
}
