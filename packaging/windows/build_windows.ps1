# Build Testigo for Windows (x86_64): a PyInstaller one-folder build and an Inno Setup installer.
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build_windows.ps1 [-KeyFile KEY]
# Needs: Python 3.11 (python.org, x86_64), Inno Setup 6 (iscc.exe on PATH or in its default
# folder). Dependencies come from packaging\requirements-windows.lock, pinned with hashes
# (refresh: bash packaging/lock.sh --platform windows). Makes dist\testigo-<version>-setup.exe,
# dist\testigo-<version>-windows-x86_64.zip (portable, with the testigo-portable marker),
# SHA256SUMS and a .minisig beside each, signed as build_linux.sh signs.
param([string]$KeyFile = $env:TESTIGO_RELEASE_KEY)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
$Root = (Get-Location).Path

if (-not (Test-Path .venv\Scripts\python.exe)) { py -3.11 -m venv .venv }
$Py = Join-Path $Root ".venv\Scripts\python.exe"
& $Py -m pip install -q --require-hashes -r packaging\requirements-windows.lock
if ($LASTEXITCODE) { throw "pip install failed" }
$Version = & $Py -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"

& $Py -m ui.build_translations
$env:PYTHONPATH = $Root
& $Py -m PyInstaller --noconfirm --clean --log-level WARN --distpath build\windows\dist `
    --workpath build\windows\pyinstaller packaging\testigo.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }

New-Item -ItemType Directory -Force dist | Out-Null
$Iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $Iscc /Qp "/DVersion=$Version" "/DSourceDir=$Root\build\windows\dist\testigo" `
    "/DOutputDir=$Root\dist" packaging\windows\testigo.iss
if ($LASTEXITCODE) { throw "Inno Setup failed" }

$Portable = "build\windows\portable\testigo-$Version-windows-x86_64"
Copy-Item -Recurse build\windows\dist\testigo $Portable
New-Item -ItemType File "$Portable\testigo-portable" | Out-Null
Copy-Item packaging\portable-README.txt "$Portable\README.txt"
Compress-Archive -Force $Portable "dist\testigo-$Version-windows-x86_64.zip"

$Files = @("dist\testigo-$Version-setup.exe", "dist\testigo-$Version-windows-x86_64.zip")
if ($KeyFile) {
  & $Py packaging\release_tool.py sign --out dist --key-file $KeyFile @Files
} else {
  & $Py packaging\release_tool.py sign --out dist --ephemeral dist\ephemeral-release-key.pub @Files
}
Get-ChildItem dist | Format-Table Name, Length
