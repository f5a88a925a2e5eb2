extern alias Cli;

using System.Text.Json;
using Cli::Program287g.Agreement.V1;

namespace Program287g.UnitTests.Cli;

public class ListCommandTests
{
    private static readonly Dictionary<string, (Agreement[] Rows, string Next)> Pages = new()
    {
        [""] = ([Samples.Agreement("000001", "Harris County Sheriff's Office"), Samples.Agreement("000002", "Brazos County Sheriff's Office")], "p2"),
        ["p2"] = ([Samples.Agreement("000003", "Collier County Sheriff's Office", "FL", Model.Tfm)], "p3"),
        ["p3"] = ([Samples.Agreement("000004", "Arkansas Division of Correction", "AR", Model.Wso)], ""),
    };

    [Fact]
    public async Task All_follows_the_page_tokens_to_the_end_with_the_same_filters()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        server.Service.Participating = request => new ListParticipatingAgreementsResponse
        {
            Agreements = { Pages[request.PageToken].Rows },
            NextPageToken = Pages[request.PageToken].Next,
            AsOf = Samples.AsOf,
        };

        var run = await CliRun.AgainstAsync(server, "list", "participating", "--all", "--model", "JEM", "--state", "tx", "--json");

        run.ExitCode.ShouldBe(0, run.Error);
        var requests = server.Service.Received<ListParticipatingAgreementsRequest>();
        requests.Select(r => r.PageToken).ShouldBe(["", "p2", "p3"]);
        requests.ShouldAllBe(r => r.PageSize == 500 && r.Model == Model.Jem && r.State == "tx" && r.AsOf == null);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        root.GetProperty("kind").GetString().ShouldBe("PARTICIPATING");
        root.GetProperty("asOf").GetString().ShouldBe("2025-03-27T19:00:00Z");
        root.GetProperty("nextPageToken").ValueKind.ShouldBe(JsonValueKind.Null);
        var agreements = root.GetProperty("agreements").EnumerateArray().ToArray();
        agreements.Select(a => a.GetProperty("agreementId").GetString()).ShouldBe(["000001", "000002", "000003", "000004"]);
        var first = agreements[0];
        first.GetProperty("model").GetString().ShouldBe("JEM");
        first.GetProperty("status").GetString().ShouldBe("ACTIVE");
        first.GetProperty("activeFrom").GetString().ShouldBe("2025-02-20");
        first.GetProperty("submittedAt").GetString().ShouldBe("2025-02-03T14:30:00Z");
        first.GetProperty("agency").GetProperty("name").GetString().ShouldBe("Harris County Sheriff's Office");
        first.GetProperty("iceSignature").ValueKind.ShouldBe(JsonValueKind.Null);
        first.GetProperty("version").GetInt64().ShouldBe(3);
        agreements[3].GetProperty("model").GetString().ShouldBe("WSO");
    }

    [Fact]
    public async Task Without_all_one_page_is_shown_with_the_way_to_the_next()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        server.Service.Participating = request => new ListParticipatingAgreementsResponse
        {
            Agreements = { Pages[request.PageToken].Rows },
            NextPageToken = Pages[request.PageToken].Next,
            AsOf = Samples.AsOf,
        };

        var run = await CliRun.AgainstAsync(server, "list", "participating", "--page-size", "2");

        run.ExitCode.ShouldBe(0, run.Error);
        server.Service.Received<ListParticipatingAgreementsRequest>().ShouldHaveSingleItem().PageSize.ShouldBe(2);
        run.Out.ShouldMatch(@"│ TX\s+│ Harris County Sheriff's Office\s+│ County │ Harris │ JEM\s+│ ACTIVE │ 2025-02-20 │ https://www.ice.gov/moa/harris.pdf │");
        run.Out.ShouldMatch(@"│ Brazos County Sheriff's Office\s+│ County │ Harris │ JEM\s+│ ACTIVE │ 2025-02-20 │ link pending\s+│");
        run.Out.ShouldContain("2 agreements on the participating list as of");
        run.Out.ShouldContain("More: add --page-token p2 for the next page, or --all for every page.");
    }

    [Fact]
    public async Task The_pending_list_comes_from_the_pending_applications()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        server.Service.Pending = request => new ListPendingApplicationsResponse
        {
            Applications = { Samples.Agreement("000009", "Polk County Sheriff's Office", "FL") },
            AsOf = Samples.AsOf,
        };

        var run = await CliRun.AgainstAsync(server, "list", "pending", "--page-token", "abc", "--json");

        run.ExitCode.ShouldBe(0, run.Error);
        server.Service.Received<ListPendingApplicationsRequest>().ShouldHaveSingleItem().PageToken.ShouldBe("abc");
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("kind").GetString().ShouldBe("PENDING");
        json.RootElement.GetProperty("applications").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_service_that_answers_a_page_token_with_itself_is_not_followed_forever()
    {
        await using var server = await FakeAgreementServer.StartAsync();
        server.Service.Pending = _ => new ListPendingApplicationsResponse { NextPageToken = "same" };

        var run = await CliRun.AgainstAsync(server, "list", "pending", "--all");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("answered page token 'same' with itself");
        server.Service.Received<ListPendingApplicationsRequest>().Length.ShouldBe(2);
    }
}
