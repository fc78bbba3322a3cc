using Microsoft.Extensions.Options;
using Wargame.Server.Hosting;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Hosting;

public sealed class OptionsTests
{
    [Theory]
    [InlineData("PostgresConnectionString", "--Wargame:Store", "Postgres")]
    [InlineData("TrustedProxies", "--Wargame:TrustedProxies:0", "nginx-box")]
    [InlineData("IdleTimeout", "--Wargame:IdleTimeout", "00:00:00")]
    [InlineData("MaxHubMessageBytes", "--Wargame:MaxHubMessageBytes", "10")]
    public async Task InvalidSettings_StopTheServerAtStart_NamingTheSetting(string setting, string name, string value)
    {
        var directory = RunningServer.NewDataDirectory();
        try
        {
            await using var app = WargameServer.Build(["--urls", "http://127.0.0.1:0", "--Wargame:DataDirectory", directory, name, value]);
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync().WaitAsync(RunningServer.Timeout));
            Assert.Contains(setting, error.Message);
        }
        finally
        {
            RunningServer.DeleteDirectory(directory);
        }
    }
}
