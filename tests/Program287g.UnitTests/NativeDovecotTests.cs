using Program287g.LocalServers;

namespace Program287g.UnitTests;

public sealed class NativeDovecotTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"p287-dovecot-{Guid.NewGuid():N}");

    [Fact]
    public void The_password_file_holds_dovecots_salted_sha512_which_doveadm_verified()
    {
        // The same password and salt through `doveadm pw -t HASH -p 'p@ss/w:rd'` (Dovecot 2.3.19): "(verified)".
        NativeDovecot.HashPassword("p@ss/w:rd", [1, 2, 3, 4, 5, 6, 7, 8]).ShouldBe(
            "{SSHA512}RJUfbD4WGC/8l3eN47dEY80Z0nUql5zHd4HMJ+umJJj4r9gwdEs2ZZ1ZD6dbKrXx72BNStHm0l6dX+Hv67UgBwECAwQFBgcI");
    }

    [Fact]
    public void The_config_listens_on_loopback_only_without_tls_and_makes_the_recorded_folder_subscribed()
    {
        var config = new NativeDovecot(_root).Config(51143, "dovecot", "dovecot");

        config.ShouldContain("listen = 127.0.0.1\n");
        config.ShouldContain("inet_listener imap {\n    address = 127.0.0.1\n    port = 51143\n  }");
        config.ShouldContain("inet_listener imaps {\n    port = 0\n  }");
        config.ShouldContain("ssl = no\ndisable_plaintext_auth = no\n");
        config.ShouldContain("  mailbox Recorded {\n    auto = subscribe\n  }");
        config.ShouldContain($"base_dir = {Path.Combine(_root, "run")}\n");
        config.ShouldContain($"args = scheme=SSHA512 {Path.Combine(_root, "users")}\n");
        config.ShouldContain("default_internal_user = dovecot\ndefault_internal_group = dovecot\ndefault_login_user = dovecot\n");
        config.ShouldNotContain("/etc/dovecot");
    }

    [Fact]
    public void A_data_folder_too_deep_for_unix_sockets_keeps_the_servers_sockets_in_a_short_folder_of_its_own()
    {
        var deep = Path.Combine(_root, new string('d', 40), new string('e', 40));
        var other = Path.Combine(_root, new string('d', 40), new string('f', 40));

        var run = new NativeDovecot(deep).RunDirectory;

        (run.Length + "/replication-notify-fifo".Length).ShouldBeLessThan(108);
        run.ShouldStartWith(Path.GetTempPath());
        new NativeDovecot(deep).RunDirectory.ShouldBe(run);
        new NativeDovecot(other).RunDirectory.ShouldNotBe(run);
    }

    [Fact]
    public void The_connection_string_is_imap_on_loopback_with_the_program_user_and_the_local_secret()
    {
        var dovecot = new NativeDovecot(_root);

        dovecot.ConnectionString(51143).ShouldBe($"imap://program287g:{dovecot.Password}@127.0.0.1:51143/INBOX");
        File.ReadAllText(dovecot.PasswordFile).ShouldBe(dovecot.Password);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
