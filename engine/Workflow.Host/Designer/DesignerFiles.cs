using Microsoft.Extensions.FileProviders;

namespace Workflow.Host.Designer;

/// <summary>
/// Serves the web designer's built files under <c>/designer/</c>. They are static and public: every call they
/// make goes through the API with the key the user signs in with.
/// </summary>
internal static class DesignerFiles
{
    public const string PathBase = "/designer";

    /// <summary>Where the build copies the designer beside the host's executable.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "designer");

    public static void UseDesigner(this WebApplication app)
    {
        if (!File.Exists(Path.Combine(Folder, "index.html")))
        {
            app.Logger.LogWarning(
                "The designer is not built ({Folder} has no index.html); /designer/ is not served",
                Folder);
            return;
        }

        var files = new PhysicalFileProvider(Folder);
        app.Use(async (context, next) =>
        {
            if (context.Request.Path == "/" || context.Request.Path == PathBase)
            {
                context.Response.Redirect(PathBase + "/");
                return;
            }

            await next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = PathBase });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = PathBase });

        // A file the designer does not have is not found; without this the request would reach the API's
        // authentication and be answered as if it lacked a key.
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(PathBase))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });
    }
}
