using System.Runtime;
using Wargame.Server.Hosting;

// Start-up JIT profile: the runtime records which methods a start compiles (into the file beside the binary) and, on
// the next start, compiles them ahead on a second core while the first builds the host. Off with
// WARGAME_STARTUP_PROFILE=off (where the directory is not writable the runtime records nothing and starts as without).
if (!string.Equals(Environment.GetEnvironmentVariable("WARGAME_STARTUP_PROFILE"), "off", StringComparison.OrdinalIgnoreCase))
{
    ProfileOptimization.SetProfileRoot(AppContext.BaseDirectory);
    ProfileOptimization.StartProfile("wargame-start.jitprofile");
}

await WargameServer.Build(args).RunAsync();
