; Inno Setup script: a per-user installer for Scrutineer (no administrator rights needed).
;
; Build on Windows, from the project folder:
;   1. python packaging\build.py            (PyInstaller build into dist\scrutineer, self-tested)
;   2. "%LOCALAPPDATA%\Programs\Inno Setup 6\ISCC.exe" packaging\windows\scrutineer.iss
;      (Inno Setup 6.3 or newer; installing it per user puts ISCC.exe there)
; The installer is written to dist\scrutineer-VERSION-setup.exe.
;
; It installs into the user's own programs folder (%LOCALAPPDATA%\Programs\Scrutineer), adds a
; Start-menu entry and an uninstaller, and upgrades an earlier installation in place (same AppId).
; The user's programmes live elsewhere (%LOCALAPPDATA%\Scrutineer\Scrutineer) and are never
; touched by an upgrade or by uninstalling. An IT team's scrutineer.ini beside the program (the
; shared database) is kept across upgrades.

#define AppExe "scrutineer.exe"
#define BuiltProgram AddBackslash(SourcePath) + "..\..\dist\scrutineer"
; The version shown and used in the file name is the built program's, which the PyInstaller spec
; takes from pyproject.toml.
#define AppVersion GetVersionNumbersString(BuiltProgram + "\" + AppExe)

[Setup]
AppId={{6F3B1A52-8C4D-4E7A-9B21-5D0C7E9A3F14}
AppName=Scrutineer
AppVersion={#AppVersion}
AppVerName=Scrutineer {#AppVersion}
AppPublisher=Scrutineer
AppComments=Work programmes, topic prioritisation and scheduling for council scrutiny committees
PrivilegesRequired=lowest
DefaultDirName={userpf}\Scrutineer
UsePreviousAppDir=yes
DisableProgramGroupPage=yes
DefaultGroupName=Scrutineer
OutputDir=..\..\dist
OutputBaseFilename=scrutineer-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\scrutineer.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName=Scrutineer
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes
RestartApplications=no

[InstallDelete]
; An upgrade replaces the program's libraries as a whole, so none of an older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\scrutineer\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Icons]
Name: "{userprograms}\Scrutineer"; Filename: "{app}\{#AppExe}"; Comment: "Council scrutiny work programmes"
Name: "{userdesktop}\Scrutineer"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,Scrutineer}"; Flags: nowait postinstall skipifsilent
