using System.Text.Json.Nodes;
using static Program287g.Cli.Commands.DocumentsCommand;

namespace Program287g.Cli.Output;

/// <summary>What agreement documents did with each listed document: a line each and a total, or one JSON document.</summary>
public static class DocumentOutcomesView
{
    public static void Write(Agreement.V1.Agreement agreement, string directory, List<Outcome> outcomes, CliOutput output)
    {
        if (output.Json)
        {
            output.WriteJson(new JsonObject
            {
                ["agreementId"] = agreement.AgreementId,
                ["referenceNumber"] = agreement.ReferenceNumber,
                ["directory"] = directory,
                ["documents"] = new JsonArray([.. outcomes.Select(o => (JsonNode)new JsonObject
                {
                    ["kind"] = Formats.ShortName(o.Kind),
                    ["addendumId"] = o.AddendumId,
                    ["status"] = o.Status.ToString().ToLowerInvariant(),
                    ["sha256"] = o.Record.Sha256,
                    ["sizeBytes"] = o.Record.SizeBytes,
                    ["uri"] = o.Record.Uri.Length > 0 ? o.Record.Uri : null,
                    ["path"] = o.Path,
                    ["contentType"] = o.Header?.ContentType,
                    ["error"] = o.Error,
                })]),
            });
            return;
        }
        foreach (var outcome in outcomes)
        {
            var line = outcome.Status switch
            {
                Status.Saved => $"saved {outcome.Path} ({Formats.Bytes(outcome.Record.SizeBytes)}, {outcome.Header!.ContentType}, sha256 {outcome.Record.Sha256} checked)",
                Status.Same => $"the same document as the {outcomes.First(o => o.Path == outcome.Path).Label}, {outcome.Path}",
                Status.Reference => $"given by reference only, nothing stored to download: {outcome.Record.Uri} (sha256 {outcome.Record.Sha256})",
                Status.Exists => $"not saved: {outcome.Path} exists",
                _ => $"not saved: {outcome.Error}",
            };
            output.Out.WriteLine($"{outcome.Label}: {line}");
        }
        var saved = outcomes.Count(o => o.Status is Status.Saved or Status.Same);
        var stored = outcomes.Count(o => o.Status != Status.Reference);
        output.Out.WriteLine(outcomes.Count == 0
            ? $"{agreement.ReferenceNumber} lists no documents."
            : $"Saved {saved} of the {stored} stored document(s) of {agreement.ReferenceNumber} in {directory}.");
    }
}
