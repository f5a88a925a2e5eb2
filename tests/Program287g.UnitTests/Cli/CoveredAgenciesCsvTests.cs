extern alias Cli;

using Cli::Program287g.Agreement.V1;
using CoveredAgenciesCsv = Cli::Program287g.Cli.Parsing.CoveredAgenciesCsv;

namespace Program287g.UnitTests.Cli;

public class CoveredAgenciesCsvTests
{
    [Fact]
    public void A_spreadsheet_s_csv_reads_with_quoted_fields_crlf_lines_columns_in_any_order_and_blank_lines_skipped()
    {
        var csv = "Kind,NAME,County\r\n"
            + "sheriff,\"Smith County Sheriff's Office, Jail Division\",Smith\r\n"
            + "\r\n"
            + "STATE-CORRECTIONS,\"The \"\"Unit\"\" Division of Correction\",\r\n"
            + "jail,Dade County Jail,Miami-Dade";

        var agencies = CoveredAgenciesCsv.Read(new StringReader(csv));

        agencies.ShouldBe([
            new CoveredAgency { Name = "Smith County Sheriff's Office, Jail Division", County = "Smith", Kind = CoveredAgencyKind.Sheriff },
            new CoveredAgency { Name = "The \"Unit\" Division of Correction", County = "", Kind = CoveredAgencyKind.StateCorrections },
            new CoveredAgency { Name = "Dade County Jail", County = "Miami-Dade", Kind = CoveredAgencyKind.Jail },
        ]);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("name,county\nX,Y\n", "line 1: the header must name the columns name and kind")]
    [InlineData("name,kind\nX,sheriff\nY,marshal\n", "line 3: kind 'marshal'")]
    [InlineData("name,kind\n\"X,sheriff\n", "the file ends inside a quoted field")]
    public void A_file_it_cannot_read_is_refused_saying_where(string csv, string problem) =>
        Should.Throw<CoveredAgenciesCsv.FormatException>(() => CoveredAgenciesCsv.Read(new StringReader(csv))).Message.ShouldStartWith(problem);
}
