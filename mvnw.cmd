@REM ----------------------------------------------------------------------------
@REM Maven wrapper for this project (Windows): runs the Maven version pinned in
@REM .mvn\wrapper\maven-wrapper.properties.
@REM
@REM The distribution is the artifact org.apache.maven:apache-maven:<version>:zip:bin,
@REM obtained from %USERPROFILE%\.m2\wrapper\dists (an earlier run), from %MVNW_REPOURL%
@REM (a Maven repository base URL) when set, or through the installed Maven (mvn on the
@REM PATH) with its own repository settings. Its SHA-256 is verified before it is unpacked.
@REM No repository host is named here.
@REM ----------------------------------------------------------------------------
@echo off
setlocal
set "MVNW_BASEDIR=%~dp0"
if "%MVNW_BASEDIR:~-1%"=="\" set "MVNW_BASEDIR=%MVNW_BASEDIR:~0,-1%"
powershell -NoProfile -ExecutionPolicy Bypass -Command ^
  "$ErrorActionPreference='Stop';" ^
  "$props = Get-Content -LiteralPath '%MVNW_BASEDIR%\.mvn\wrapper\maven-wrapper.properties' | Where-Object { $_ -match '=' -and $_ -notmatch '^#' } | ConvertFrom-StringData;" ^
  "$version = $props.mavenVersion; $sha = $props.distributionSha256Sum;" ^
  "$m2 = if ($env:MAVEN_USER_HOME) { $env:MAVEN_USER_HOME } else { Join-Path $env:USERPROFILE '.m2' };" ^
  "$dist = Join-Path $m2 ('wrapper\dists\apache-maven-' + $version + '-' + $sha.Substring(0,12));" ^
  "$home_ = Join-Path $dist ('apache-maven-' + $version);" ^
  "if (-not (Test-Path (Join-Path $home_ 'bin\mvn.cmd'))) {" ^
  "  $tmp = Join-Path ([IO.Path]::GetTempPath()) ('mvnw-' + [guid]::NewGuid()); New-Item -ItemType Directory $tmp | Out-Null;" ^
  "  $zip = Join-Path $tmp ('apache-maven-' + $version + '-bin.zip');" ^
  "  if ($env:MVNW_REPOURL) {" ^
  "    $url = $env:MVNW_REPOURL.TrimEnd('/') + '/org/apache/maven/apache-maven/' + $version + '/apache-maven-' + $version + '-bin.zip';" ^
  "    Invoke-WebRequest -UseBasicParsing -Uri $url -OutFile $zip" ^
  "  } elseif (Get-Command mvn -ErrorAction SilentlyContinue) {" ^
  "    Push-Location $tmp; & mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy ('-Dartifact=org.apache.maven:apache-maven:' + $version + ':zip:bin') ('-DoutputDirectory=' + $tmp); Pop-Location;" ^
  "    if ($LASTEXITCODE -ne 0) { throw 'the installed Maven could not fetch org.apache.maven:apache-maven:' + $version + ':zip:bin' }" ^
  "  } else { throw ('Maven ' + $version + ' is not installed. Install any Maven 3 (mvn on the PATH), or set MVNW_REPOURL to the base URL of a Maven repository, and run mvnw again.') }" ^
  "  $actual = (Get-FileHash -Algorithm SHA256 -LiteralPath $zip).Hash.ToLower();" ^
  "  if ($actual -ne $sha.ToLower()) { throw ('SHA-256 mismatch for Maven ' + $version + ': expected ' + $sha + ', got ' + $actual) }" ^
  "  New-Item -ItemType Directory -Force $dist | Out-Null; Expand-Archive -Force -LiteralPath $zip -DestinationPath $dist; Remove-Item -Recurse -Force $tmp" ^
  "}"
if ERRORLEVEL 1 exit /b 1
for /f "usebackq tokens=1,* delims==" %%a in ("%MVNW_BASEDIR%\.mvn\wrapper\maven-wrapper.properties") do (
  if "%%a"=="mavenVersion" set "MVNW_VERSION=%%b"
  if "%%a"=="distributionSha256Sum" set "MVNW_SHA=%%b"
)
if not defined MAVEN_USER_HOME set "MAVEN_USER_HOME=%USERPROFILE%\.m2"
set "MAVEN_PROJECTBASEDIR=%MVNW_BASEDIR%"
"%MAVEN_USER_HOME%\wrapper\dists\apache-maven-%MVNW_VERSION%-%MVNW_SHA:~0,12%\apache-maven-%MVNW_VERSION%\bin\mvn.cmd" %*
exit /b %ERRORLEVEL%
