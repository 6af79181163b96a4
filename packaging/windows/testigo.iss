; Inno Setup script for Testigo (run by build_windows.ps1 with /DVersion, /DSourceDir and
; /DOutputDir). Installs the one-folder build per user or for all users, adds Start menu
; entries, and uninstalls everything it installed. It never creates or deletes user data:
; each user's vault lives in %LOCALAPPDATA%\Testigo and only the app's wipe removes it.
#ifndef Version
  #define Version "0.0.0"
#endif

[Setup]
AppId={{6F1C2A8E-3B5D-4E7A-9C1F-2D8B7E4A6C30}
AppName=Testigo
AppVersion={#Version}
AppPublisher=Testigo developers
DefaultDirName={autopf}\Testigo
DefaultGroupName=Testigo
DisableProgramGroupPage=yes
PrivilegesRequiredOverridesAllowed=dialog
OutputDir={#OutputDir}
OutputBaseFilename=testigo-{#Version}-setup
SetupIconFile=..\..\resources\icons\testigo.ico
UninstallDisplayIcon={app}\testigo.exe
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern

[Languages]
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Testigo"; Filename: "{app}\testigo.exe"
Name: "{group}\{cm:UninstallProgram,Testigo}"; Filename: "{uninstallexe}"

[UninstallDelete]
; Only the program folder itself, once emptied of the installed files.
Type: dirifempty; Name: "{app}"
