; Inno Setup script of DutyDesk: installs the PyInstaller bundle (dist\DutyDesk) with
; Start-menu and desktop shortcuts and an uninstaller. The desk's data (the database,
; backups, the log file) lives in the user's %APPDATA%\DutyDesk folder, outside {app}:
; the uninstaller removes the program and leaves the records in place.
;
; Build (on Windows, after "uv run python scripts\build_bundle.py"):
;   iscc /DAppVersion=0.1.0 installer\DutyDesk.iss
; The installer is written to dist\installer\.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6B1E3F4A-2C7D-4E59-9A51-0D3C8E7B2F10}
AppName=DutyDesk 值班台
AppVersion={#AppVersion}
AppVerName=DutyDesk 值班台 {#AppVersion}
AppPublisher=DutyDesk
DefaultDirName={autopf}\DutyDesk
DefaultGroupName=DutyDesk 值班台
DisableProgramGroupPage=yes
OutputDir=..\dist\installer
OutputBaseFilename=DutyDesk-{#AppVersion}-setup
SetupIconFile=..\resources\icons\dutydesk.ico
UninstallDisplayIcon={app}\DutyDesk.exe
UninstallDisplayName=DutyDesk 值班台
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Installs for all users of the shared desk computer when run as administrator,
; for the current user otherwise.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
; The program must not run while its files are replaced.
AppMutex=DutyDeskSetupMutex
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\dist\DutyDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\DutyDesk 值班台"; Filename: "{app}\DutyDesk.exe"
Name: "{group}\{cm:UninstallProgram,DutyDesk 值班台}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\DutyDesk 值班台"; Filename: "{app}\DutyDesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\DutyDesk.exe"; Description: "{cm:LaunchProgram,DutyDesk 值班台}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entries: the records in %APPDATA%\DutyDesk stay where they are.
