; GovDesk's Windows installer, built on Linux by .ci/package-windows with NSIS:
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DFILEVERSION=0.1.0.1 -DBIN=dir -DICON=x.ico -DOUTFILE=setup.exe govdesk.nsi
; A 64-bit installer, as GovDesk itself is. It installs for the current user only, without
; administrator rights, into %LOCALAPPDATA%\Programs\GovDesk, as office PCs do not give their
; users admin rights.
; Run again it upgrades in place; the data (%LOCALAPPDATA%\GovDesk) is never touched, by the
; installer or the uninstaller. /S installs silently (for IT's software distribution).

Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!include MUI2.nsh
!include FileFunc.nsh

!define PRODUCT "政务窗口管理"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\GovDesk"
!define SHORTCUT "政务窗口管理.lnk"

Name "${PRODUCT} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\GovDesk"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
ShowInstDetails show
ShowUninstDetails show
BrandingText "${PRODUCT} ${VERSION}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TITLE "安装 ${PRODUCT} ${VERSION}"
!define MUI_WELCOMEPAGE_TEXT "本程序将为当前 Windows 用户安装“${PRODUCT}”（GovDesk），不需要管理员权限。$\r$\n$\r$\n已安装旧版本时将直接升级，数据库和已印制的文书保存在 %LOCALAPPDATA%\GovDesk，安装和卸载都不会改动它们。$\r$\n$\r$\n升级前请先关闭正在运行的${PRODUCT}。"
!define MUI_FINISHPAGE_RUN "$INSTDIR\govdesk.exe"
!define MUI_FINISHPAGE_RUN_TEXT "启动${PRODUCT}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

VIProductVersion "${FILEVERSION}"
VIFileVersion "${FILEVERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${FILEVERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${PRODUCT} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName" "政务服务中心管理办公室"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "© 政务服务中心管理办公室"

; A running GovDesk holds its .exe open: ask the user to close it rather than leave a
; half-upgraded folder. Silent installs give up with exit status 2.
!macro WaitUntilClosed FILE
  IfFileExists "$INSTDIR\${FILE}" 0 +8
  ClearErrors
  FileOpen $0 "$INSTDIR\${FILE}" a
  IfErrors 0 +4
  MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${PRODUCT}正在运行，无法升级。$\r$\n请先关闭它（包括在命令行中运行的 govdesk），再点“重试”。" /SD IDCANCEL IDRETRY -3
  Abort "${PRODUCT}正在运行，未能升级。请关闭后重新运行安装程序。"
  Goto +2
  FileClose $0
!macroend

Section "${PRODUCT}（必需）" SecMain
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  !insertmacro WaitUntilClosed "govdesk.exe"
  !insertmacro WaitUntilClosed "govdesk-cli.exe"
  File "${BIN}\govdesk.exe"
  File "${BIN}\govdesk-cli.exe"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${SHORTCUT}" "$INSTDIR\govdesk.exe" "" "$INSTDIR\govdesk.exe" 0 SW_SHOWNORMAL "" "政务服务中心窗口人员、办件、考勤与评比管理"

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "政务服务中心管理办公室"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\govdesk.exe,0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "桌面快捷方式" SecDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\${SHORTCUT}" "$INSTDIR\govdesk.exe" "" "$INSTDIR\govdesk.exe" 0
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecMain} "程序本身（govdesk.exe）、命令行版本（govdesk-cli.exe）和开始菜单中的快捷方式。"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "在桌面上放一个“${PRODUCT}”快捷方式。"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Section "Uninstall"
  SetShellVarContext current
  Delete "$INSTDIR\govdesk.exe"
  Delete "$INSTDIR\govdesk-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${SHORTCUT}"
  Delete "$DESKTOP\${SHORTCUT}"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DetailPrint "数据文件夹 $LOCALAPPDATA\GovDesk 已保留（数据库、备份和已印制的文书）。"
SectionEnd
