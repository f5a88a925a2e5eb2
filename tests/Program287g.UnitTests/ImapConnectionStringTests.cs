using Program287g.LocalServers;

namespace Program287g.UnitTests;

public class ImapConnectionStringTests
{
    [Fact]
    public void The_user_and_password_are_url_escaped_and_read_back_as_they_were()
    {
        var server = new ImapConnectionString("127.0.0.1", 51143, "intake@program287g.example.gov", "p@ss/w:rd %");

        server.ToString().ShouldBe("imap://intake%40program287g.example.gov:p%40ss%2Fw%3Ard%20%25@127.0.0.1:51143/INBOX");
        ImapConnectionString.Parse(server.ToString()).ShouldBe(server);
    }

    [Theory]
    [InlineData("imaps://u:p@imap.example.gov/INBOX", true, 993, "INBOX")]
    [InlineData("imap://u:p@imap.example.gov", false, 143, "INBOX")]
    [InlineData("imap://u:p@127.0.0.1:51143/Recorded", false, 51143, "Recorded")]
    public void A_missing_port_is_imaps_993_or_imap_143_and_a_missing_folder_is_the_inbox(string value, bool tls, int port, string folder)
    {
        var server = ImapConnectionString.Parse(value);

        (server.UseTls, server.Port, server.Folder, server.UserName, server.Password).ShouldBe((tls, port, folder, "u", "p"));
    }

    [Theory]
    [InlineData("smtp://u:p@mail.example.gov:25")]
    [InlineData("imap://imap.example.gov:143/INBOX")]
    [InlineData("imap://u@imap.example.gov:143/INBOX")]
    [InlineData("imap.example.gov:143")]
    public void A_connection_string_of_another_scheme_or_without_a_user_and_password_is_refused(string value) =>
        Should.Throw<FormatException>(() => ImapConnectionString.Parse(value));
}
