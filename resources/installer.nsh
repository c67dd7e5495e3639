; Locus's additions to electron-builder's NSIS installer (electron-builder.ts: nsis.include).
;
; 1. "Open with" entries for the documents Locus reads: Locus is offered for them, never made their
;    default app (electron-builder's own fileAssociations would take the default over). Opening a file
;    with Locus adds it to the library. The extensions are those of packaging/fileAssociations.ts
;    (a unit test keeps the two lists equal).
; 2. Uninstalling keeps the person's library, chats and models (%APPDATA%\Locus) unless they choose to
;    remove them; an update (the old version uninstalled silently) never asks and never removes them.
;    A silent uninstall removes them only with --delete-app-data (electron-builder's own option).

!define LOCUS_PROGID "Locus.Document"
; Electron's userData folder: %APPDATA%\<productName> (electron-builder.ts sets productName "Locus").
!define LOCUS_DATA_FOLDER "Locus"

!macro locusOpenWith EXT
  WriteRegStr SHELL_CONTEXT "Software\Classes\.${EXT}\OpenWithProgids" "${LOCUS_PROGID}" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\SupportedTypes" ".${EXT}" ""
!macroend

!macro locusRemoveOpenWith EXT
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.${EXT}\OpenWithProgids" "${LOCUS_PROGID}"
!macroend

!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\Classes\${LOCUS_PROGID}" "" "Document (add to Locus)"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${LOCUS_PROGID}\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${LOCUS_PROGID}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  WriteRegStr SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  !insertmacro locusOpenWith "pdf"
  !insertmacro locusOpenWith "docx"
  !insertmacro locusOpenWith "pptx"
  !insertmacro locusOpenWith "xlsx"
  !insertmacro locusOpenWith "odt"
  !insertmacro locusOpenWith "ods"
  !insertmacro locusOpenWith "epub"
  !insertmacro locusOpenWith "rtf"
  !insertmacro locusOpenWith "eml"
  !insertmacro locusOpenWith "md"
  !insertmacro locusOpenWith "markdown"
  !insertmacro locusOpenWith "html"
  !insertmacro locusOpenWith "htm"
  !insertmacro locusOpenWith "txt"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, i 0, i 0)'
!macroend

!macro customUnInstall
  !insertmacro locusRemoveOpenWith "pdf"
  !insertmacro locusRemoveOpenWith "docx"
  !insertmacro locusRemoveOpenWith "pptx"
  !insertmacro locusRemoveOpenWith "xlsx"
  !insertmacro locusRemoveOpenWith "odt"
  !insertmacro locusRemoveOpenWith "ods"
  !insertmacro locusRemoveOpenWith "epub"
  !insertmacro locusRemoveOpenWith "rtf"
  !insertmacro locusRemoveOpenWith "eml"
  !insertmacro locusRemoveOpenWith "md"
  !insertmacro locusRemoveOpenWith "markdown"
  !insertmacro locusRemoveOpenWith "html"
  !insertmacro locusRemoveOpenWith "htm"
  !insertmacro locusRemoveOpenWith "txt"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\${LOCUS_PROGID}"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}"

  ${ifNot} ${isUpdated}
    ; /SD IDNO: a silent uninstall keeps the data (use --delete-app-data to remove it).
    MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 \
      "Also remove your Locus data (library index, chats, adapters and downloaded models in $APPDATA\${LOCUS_DATA_FOLDER})?$\r$\n$\r$\nChoose No to keep them for a later installation. Your original documents are never touched." \
      /SD IDNO IDNO locusKeepData
      ; Electron keeps user data per user, whatever the install mode.
      SetShellVarContext current
      RMDir /r "$APPDATA\${LOCUS_DATA_FOLDER}"
      ${if} $installMode == "all"
        SetShellVarContext all
      ${endif}
    locusKeepData:
  ${endIf}
!macroend
