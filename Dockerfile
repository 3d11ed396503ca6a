# Booking API image: build with the .NET 10 SDK, run on the ASP.NET Core 10 runtime.
# Used by docker-compose.yml; not buildable on the build machines (no Docker engine).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first from the project files alone, so source edits keep the restore layer cached.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY Booking.Runtime/Booking.Runtime.csproj Booking.Runtime/
COPY Booking.Grains.Interfaces/Booking.Grains.Interfaces.csproj Booking.Grains.Interfaces/
COPY Booking.Grains/Booking.Grains.csproj Booking.Grains/
COPY Booking.Silo/Booking.Silo.csproj Booking.Silo/
COPY Booking.Web/Booking.Web.csproj Booking.Web/
RUN dotnet restore Booking.Web/Booking.Web.csproj

COPY . .
RUN dotnet publish Booking.Web/Booking.Web.csproj -c Release --no-restore -o /app/publish /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app/publish .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
# The image's non-root user.
USER $APP_UID
ENTRYPOINT ["dotnet", "Booking.Web.dll"]
