using Program287g.Cli;

return await CliApp.RunAsync(args, Console.Out, Console.Error, AgreementClientFactory.FromEnvironment());
