namespace Wargame.Server.Hosting;

/// <summary>
/// Browser hardening on every response: the web client loads only its own scripts and styles and talks only to this
/// server, no other site may frame it (clickjacking), and browsers do not guess content types.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// Inline style attributes are allowed (React sets a few); scripts only from this origin, none inline. 'self' covers
    /// the hub's WebSocket on the same host.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    });
}
