; Inno Setup script for NetDesk on Windows: installs the PyInstaller bundle, a Start-menu entry and
; an "Open with NetDesk" association for .vcf / .vcard files.
; Build (after `bash packaging/build.sh bundle` made build\package\bundle\netdesk), from the repo root:
;   iscc /DAppVersion=<netdesk.__version__> packaging\windows\netdesk.iss
; The release workflow passes the version read from netdesk/__init__.py.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\netdesk.iss
#endif
#define BundleDir "..\..\build\package\bundle\netdesk"

[Setup]
AppId={{6C0E0F4A-3E55-4B0B-9E7B-5D2B7F2A9C11}
AppName=NetDesk
AppVersion={#AppVersion}
AppPublisher=NetDesk developers
DefaultDirName={autopf}\NetDesk
DefaultGroupName=NetDesk
DisableProgramGroupPage=yes
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
UninstallDisplayIcon={app}\netdesk.exe
OutputDir=..\..\dist
OutputBaseFilename=netdesk-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\NetDesk"; Filename: "{app}\netdesk.exe"
Name: "{autodesktop}\NetDesk"; Filename: "{app}\netdesk.exe"; Tasks: desktopicon

[Registry]
; A ProgID for vCard files, offered for .vcf and .vcard under "Open with" (the user's default stays).
Root: HKA; Subkey: "Software\Classes\NetDesk.vCard"; ValueType: string; ValueData: "vCard contacts"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\NetDesk.vCard\DefaultIcon"; ValueType: string; ValueData: "{app}\netdesk.exe,0"
Root: HKA; Subkey: "Software\Classes\NetDesk.vCard\shell\open\command"; ValueType: string; ValueData: """{app}\netdesk.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.vcf\OpenWithProgids"; ValueType: string; ValueName: "NetDesk.vCard"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.vcard\OpenWithProgids"; ValueType: string; ValueName: "NetDesk.vCard"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\netdesk.exe\SupportedTypes"; ValueType: string; ValueName: ".vcf"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\netdesk.exe\SupportedTypes"; ValueType: string; ValueName: ".vcard"; ValueData: ""

[Run]
Filename: "{app}\netdesk.exe"; Description: "{cm:LaunchProgram,NetDesk}"; Flags: nowait postinstall skipifsilent
