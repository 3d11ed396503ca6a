using System.Text.Json;
using System.Text.Json.Serialization;
using Booking.Silo.Diagnostics;
using Booking.Web.Apis;
using Booking.Web.Auth;
using Booking.Web.Cluster;
using Booking.Web.Compat;
using Booking.Web.Demo;
using Booking.Web.Errors;
using Booking.Web.Health;
using Booking.Web.Http;
using Booking.Web.Json;
using Booking.Web.Live;
using Booking.Web.Notifications;
using Booking.Web.Observability;
using Booking.Web.OpenApi;
using Booking.Web.Pages;

var builder = WebApplication.CreateBuilder(args);

builder.Logging.ClearProviders();
builder.Logging.AddBookingConsole(builder.Environment);

var limits = builder.Configuration.GetSection(RequestLimits.SectionName).Get<RequestLimits>() ?? new RequestLimits();
builder.Services.AddSingleton(limits);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes);

builder.Services.AddBookingMetrics();
// A co-hosted silo (hosted services registered after it, auth start-up work then demo data, start once it runs), or in
// client mode an Orleans client of a cluster of Booking.Silo processes.
builder.AddBookingCluster();
builder.Services.AddBookingAuth(builder.Configuration);
builder.Services.AddBookingDemo(builder.Configuration);
builder.Services.AddSingleton(FlexParkOptions.From(builder.Configuration));

builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
    options.SerializerOptions.Converters.Add(new NulFreeStringConverter());
});

// Unreadable bodies throw, so the exception handler answers them with a problem that says what is wrong.
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddApiProblemDetails();
builder.Services.AddValidation();
builder.Services.AddAuthRateLimiting(builder.Configuration);
builder.Services.AddBookingCors(builder.Configuration);
builder.Services.AddBookingHealthChecks(builder.Configuration);
builder.Services.AddBookingSwagger();
builder.Services.AddSingleton<NotificationBroadcaster>();
builder.Services.AddBookingLive();

var app = builder.Build();

app.UseRequestLogScope();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseBookingPages();
app.UseMiddleware<RequestBodyLimitMiddleware>();
app.UseMiddleware<RequestCharsetMiddleware>();
app.UseClusterStartupGate();
app.UseRouting();
app.UseCors();
app.UseAuthentication();
app.UseRequestLogUser();
app.UseAuthorization();
app.UseRateLimiter();
app.UseBookingSwagger();

app.MapHealthApi();
app.MapAuthApi();
app.MapMeApi();
app.MapUsersApi();
app.MapResourcesApi();
app.MapBookingsApi();
app.MapHoldsApi();
app.MapSitesApi();
app.MapStatsApi();
app.MapNotificationsApi();
app.MapLiveApi();
app.MapMetricsApi();
app.MapWortisCompatApi();
app.MapEduConnectCompatApi();
app.MapFlexParkCompatApi();
app.MapGenericBackendCompatApi();
app.MapAdminMailApi();
app.MapCalendarFeedsApi();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
