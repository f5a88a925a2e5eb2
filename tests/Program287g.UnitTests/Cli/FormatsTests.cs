extern alias Cli;

using Cli::Program287g.Agreement.V1;
using Cli::Program287g.Cli.Output;
using Google.Protobuf.WellKnownTypes;
using Date = Google.Type.Date;

namespace Program287g.UnitTests.Cli;

public class FormatsTests
{
    [Fact]
    public void Timestamps_are_ISO_8601_in_UTC_with_only_the_fraction_they_have()
    {
        Formats.Iso(Samples.AsOf).ShouldBe("2025-03-27T19:00:00Z");
        Formats.Iso(new Timestamp { Seconds = Samples.AsOf.Seconds, Nanos = 120_000_000 }).ShouldBe("2025-03-27T19:00:00.12Z");
    }

    [Fact]
    public void Dates_are_days_and_an_empty_date_is_none()
    {
        Formats.Iso(new Date { Year = 2026, Month = 1, Day = 5 }).ShouldBe("2026-01-05");
        Formats.Iso(new Date()).ShouldBeNull();
        Formats.Iso((Date?)null).ShouldBeNull();
    }

    [Fact]
    public void Enums_go_by_their_short_names_and_unset_is_none()
    {
        Formats.ShortName(Model.Tfm).ShouldBe("TFM");
        Formats.ShortName(AgreementStatus.Superseded).ShouldBe("SUPERSEDED");
        Formats.ShortName(IceListKind.Pending).ShouldBe("PENDING");
        Formats.ShortName(Party.Ice).ShouldBe("ICE");
        Formats.ShortName(Model.Unspecified).ShouldBeNull();
        Formats.ShortName(Google.Rpc.Code.InvalidArgument).ShouldBe("INVALID_ARGUMENT");
        Formats.ShortName((Model)9).ShouldBe("9");
    }

    [Fact]
    public void Json_shows_only_the_set_part_of_a_oneof()
    {
        var json = ProtoJson.From(new ImportIceListResponse { Progress = new ImportProgress { RowsDone = 1, RowsTotal = 2 } })!;
        json.ToJsonString().ShouldBe("""{"progress":{"rowsDone":1,"rowsTotal":2}}""");
    }
}
