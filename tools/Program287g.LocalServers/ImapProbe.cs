using System.Net.Sockets;
using System.Text;

namespace Program287g.LocalServers;

/// <summary>Whether an IMAP server is up for its clients: it greets with "* OK" and accepts the user's LOGIN. Plain text
/// only, as the local servers speak it. The AppHost's readiness check and the test server's start both ask it.</summary>
public static class ImapProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task LoginAsync(ImapConnectionString server, CancellationToken cancellationToken)
    {
        if (server.UseTls)
        {
            throw new NotSupportedException("The probe speaks plain IMAP only.");
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };

        var greeting = await reader.ReadLineAsync(timeout.Token);
        if (greeting?.StartsWith("* OK", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"The IMAP server on port {server.Port} greeted with '{greeting}'.");
        }
        await writer.WriteLineAsync($"a LOGIN {Quoted(server.UserName)} {Quoted(server.Password)}");
        string? answer;
        do
        {
            answer = await reader.ReadLineAsync(timeout.Token);
        }
        while (answer is not null && !answer.StartsWith("a ", StringComparison.Ordinal));
        if (answer?.StartsWith("a OK", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"The IMAP server on port {server.Port} answered LOGIN as {server.UserName} with '{answer}'.");
        }
        await writer.WriteLineAsync("b LOGOUT");
    }

    /// <summary>An IMAP quoted string (RFC 3501): backslash and double quote escaped.</summary>
    private static string Quoted(string value) => $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
